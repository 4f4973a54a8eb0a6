package org.tkdworkbench.data;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The truthful account of an import: what was accepted, in numbers, and every file refused.
 *
 * @param index the dataset with only the clips that decoded (probe) successfully
 * @param perClass clips per class and split (a multi-label clip counts once for each label)
 * @param perSplit clips per split
 * @param totalSeconds total duration of the accepted clips
 * @param minSeconds shortest accepted clip (0 when there are none)
 * @param maxSeconds longest accepted clip (0 when there are none)
 * @param sampleRates how many accepted clips have each sample rate (Hz)
 * @param refused every refused file or row: the index's own refusals plus unreadable audio
 */
public record ImportReport(
    DatasetIndex index,
    SortedMap<String, Map<Split, Integer>> perClass,
    Map<Split, Integer> perSplit,
    double totalSeconds,
    double minSeconds,
    double maxSeconds,
    SortedMap<Integer, Integer> sampleRates,
    List<Refusal> refused) {}
