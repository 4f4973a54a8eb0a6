package org.tkdworkbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.SourceFormat;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.jobs.Parallel;

/**
 * Turns an index into an {@link ImportReport}: probes every clip's header in parallel (with
 * progress and cancel), refusing unreadable, empty, unsupported or truncated files with their
 * reason, and totals classes, splits, durations and sample rates.
 *
 * <p>Headers only ({@link AudioDecoder#probe}): fast enough for FSD50K's 51k files, and it finds
 * what makes a file unusable (not audio, truncated data chunk, unsupported codec). Noise files are
 * probed too; a broken one is refused and dropped from the index's noise sources.
 *
 * <p>Threads: {@code threads} workers probe through {@link Parallel#forEach}; the calling thread
 * only waits, reports progress about every {@value #PROGRESS_EVERY} files (so a {@link JobContext}
 * is only ever called from the job's own thread) and stops the workers when the job is cancelled.
 */
public final class DatasetImporter {
  static final int PROGRESS_EVERY = 100;

  private final AudioDecoder decoder;
  private final int threads;

  /**
   * @param decoder probes headers; shared by the workers (it is stateless)
   * @param threads workers, at least 1
   */
  public DatasetImporter(AudioDecoder decoder, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be at least 1, found " + threads);
    }
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.threads = threads;
  }

  /**
   * Probes every clip of {@code index}; never throws for a bad file.
   *
   * @throws CancelledException when {@code ctx} is cancelled (workers stop within one file each)
   */
  public ImportReport report(DatasetIndex index, JobContext ctx) {
    List<Path> files = new ArrayList<>(index.clips().size() + index.noiseFiles().size());
    index.clips().forEach(c -> files.add(c.path()));
    files.addAll(index.noiseFiles());
    Object[] results = probeAll(files, ctx);

    List<Clip> accepted = new ArrayList<>();
    List<SourceFormat> formats = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    int n = index.clips().size();
    for (int i = 0; i < n; i++) {
      Clip c = index.clips().get(i);
      if (results[i] instanceof SourceFormat f) {
        accepted.add(c);
        formats.add(f);
      } else {
        refused.add(refusal(c.id(), results[i]));
      }
    }
    List<Path> noise = new ArrayList<>();
    for (int i = n; i < files.size(); i++) {
      Path p = files.get(i);
      if (results[i] instanceof SourceFormat) {
        noise.add(p);
      } else {
        refused.add(refusal(relative(index.root(), p), results[i]));
      }
    }
    List<Refusal> allRefused = new ArrayList<>(index.refused());
    allRefused.addAll(refused);
    allRefused.sort(IndexBuilder.REFUSAL_ORDER);
    DatasetIndex kept =
        new DatasetIndex(
            index.root(),
            index.layout(),
            index.options(),
            accepted,
            noise,
            index.labels(),
            index.multiLabel(),
            allRefused,
            index.warnings());
    ctx.progress(
        files.size(),
        files.size(),
        "Probed " + files.size() + " files, " + refused.size() + " refused");
    return totals(kept, formats);
  }

  /** Probes {@code files} on the workers: each slot holds a SourceFormat or the exception. */
  private Object[] probeAll(List<Path> files, JobContext ctx) {
    Object[] results = new Object[files.size()];
    if (files.isEmpty()) {
      return results;
    }
    long[] reported = {0};
    Parallel.forEach(
        files.size(),
        threads,
        "tkd-probe",
        ctx,
        d -> {
          // Parallel reports on the calling thread; every 100 files is plenty for a header probe.
          if (d / PROGRESS_EVERY > reported[0] / PROGRESS_EVERY) {
            reported[0] = d;
            ctx.progress(d, files.size(), "Probing audio headers: " + d + " of " + files.size());
          }
        },
        i -> results[i] = probe(files.get(i)));
    return results;
  }

  /** The header, or the reason it cannot be read; never throws for any file. */
  private Object probe(Path file) {
    try {
      return decoder.probe(file);
    } catch (AudioDecodeException e) {
      return e;
    } catch (RuntimeException e) { // the decoder promises not to; a report must still finish
      return new AudioDecodeException(
          file, AudioDecodeException.Reason.DECODER_FAILED, e.toString(), e);
    }
  }

  /**
   * The refusal for a failed probe: not found → MISSING (it was there when the folder was read),
   * not readable → UNREADABLE, EMPTY, NOT_AUDIO, unsupported format or encoding →
   * UNSUPPORTED_FORMAT, TRUNCATED; anything else (bad header, no samples, zero channels, ...) →
   * UNREADABLE with the decoder's words as the detail.
   */
  static Refusal refusal(String path, Object result) {
    if (!(result instanceof AudioDecodeException e)) { // a worker died (e.g. out of memory)
      return new Refusal(path, Refusal.Reason.UNREADABLE, "could not be probed");
    }
    Refusal.Reason reason =
        switch (e.reason()) {
          case NOT_FOUND -> Refusal.Reason.MISSING;
          case NOT_READABLE -> Refusal.Reason.UNREADABLE;
          case EMPTY, NO_SAMPLES -> Refusal.Reason.EMPTY; // a header with no audio after it is empty to the user
          case NOT_AUDIO -> Refusal.Reason.NOT_AUDIO;
          case UNSUPPORTED_FORMAT, UNSUPPORTED_ENCODING -> Refusal.Reason.UNSUPPORTED_FORMAT;
          case TRUNCATED -> Refusal.Reason.TRUNCATED;
          default -> Refusal.Reason.UNREADABLE;
        };
    return new Refusal(path, reason, detail(e));
  }

  /** The decoder's message without the leading path (the refusal names the file already). */
  private static String detail(AudioDecodeException e) {
    String m = e.getMessage();
    String prefix = e.file() == null ? null : e.file() + ": ";
    return prefix != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  private static String relative(Path root, Path p) {
    return p.startsWith(root) ? TreeWalk.toId(root.relativize(p)) : p.toString();
  }

  /** Counts per class and split, durations and rates of the accepted clips. */
  private static ImportReport totals(DatasetIndex kept, List<SourceFormat> formats) {
    SortedMap<String, Map<Split, Integer>> perClass = new TreeMap<>();
    for (String label : kept.labels()) {
      perClass.put(label, zeros());
    }
    Map<Split, Integer> perSplit = zeros();
    SortedMap<Integer, Integer> rates = new TreeMap<>();
    double total = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int i = 0; i < kept.clips().size(); i++) {
      Clip c = kept.clips().get(i);
      SourceFormat f = formats.get(i);
      for (String label : c.labels()) {
        perClass.computeIfAbsent(label, l -> zeros()).merge(c.split(), 1, Integer::sum);
      }
      perSplit.merge(c.split(), 1, Integer::sum);
      double s = f.durationSeconds();
      total += s;
      min = Math.min(min, s);
      max = Math.max(max, s);
      rates.merge(Math.round(f.sampleRate()), 1, Integer::sum);
    }
    if (kept.clips().isEmpty()) {
      min = 0;
    }
    perClass.replaceAll((label, counts) -> Collections.unmodifiableMap(counts));
    return new ImportReport(
        kept,
        Collections.unmodifiableSortedMap(perClass),
        Collections.unmodifiableMap(perSplit),
        total,
        min,
        max,
        Collections.unmodifiableSortedMap(rates),
        kept.refused());
  }

  private static Map<Split, Integer> zeros() {
    Map<Split, Integer> m = new EnumMap<>(Split.class);
    for (Split s : Split.values()) {
      m.put(s, 0);
    }
    return m;
  }
}
