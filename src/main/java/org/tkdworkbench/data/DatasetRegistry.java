package org.tkdworkbench.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;
import org.tkdworkbench.workspace.Workspace;

/**
 * The workspace's list of imported datasets, {@code <workspace>/datasets.json}, written atomically.
 *
 * <p>The file is {@code {"schema_version": 1, "datasets": [ RegisteredDataset... ]}}, oldest first.
 * Reading tolerates unknown fields, at the top and in entries, and keeps them: an entry this
 * version does not touch is written back exactly as it was read, so a newer workbench's additions
 * survive an older one registering another dataset. A file with a higher schema version is never
 * written (IOException saying so).
 *
 * <p>A file that is not valid JSON, or whose entries lack what an entry needs, is moved aside as
 * {@code datasets.json.corrupt-<yyyyMMdd-HHmmss>} and {@link CorruptRegistryException} (an
 * IOException naming that file) is thrown once; later calls start from an empty registry. It is
 * never silently emptied. Writers in this and other processes are serialised by a lock file.
 */
public final class DatasetRegistry {
  /** The registry's file name in the workspace. */
  public static final String FILE = "datasets.json";

  /** The schema this version writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final Object LOCK = new Object(); // FileLock is per process, not per thread
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Workspace workspace;

  public DatasetRegistry(Workspace workspace) {
    this.workspace = workspace;
  }

  /** The registry file. */
  public Path file() {
    return workspace.root().resolve(FILE);
  }

  /** Every registered dataset, oldest first. */
  public List<RegisteredDataset> list() throws IOException {
    synchronized (LOCK) {
      return load().entries();
    }
  }

  /**
   * Adds or replaces (same root) a dataset and returns the stored entry (with its id).
   *
   * <p>The id is the existing entry's when the root is already registered, else a slug of the name
   * made unique ({@code esc-50}, {@code esc-50-2}); {@code importedAt} defaults to now. A replaced
   * entry moves to the end (it is the newest import).
   */
  public RegisteredDataset register(RegisteredDataset entry) throws IOException {
    if (entry.name() == null || entry.name().isBlank()) {
      throw new IllegalArgumentException(
          "dataset.name: must not be empty, found '" + entry.name() + "'");
    }
    if (entry.root() == null || entry.layout() == null) {
      throw new IllegalArgumentException(
          "dataset: root and layout are required, found root "
              + entry.root()
              + ", layout "
              + entry.layout());
    }
    if (Layout.fromCliName(entry.layout()).isEmpty()) {
      throw new IllegalArgumentException(
          "dataset.layout: must be a layout name such as esc50, found '" + entry.layout() + "'");
    }
    String root = Path.of(entry.root()).toAbsolutePath().normalize().toString();
    synchronized (LOCK) {
      Files.createDirectories(workspace.root());
      try (FileChannel ch =
              FileChannel.open(
                  workspace.root().resolve("." + FILE + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        Loaded loaded = load();
        List<RegisteredDataset> entries = new ArrayList<>(loaded.entries());
        List<JsonNode> nodes = new ArrayList<>(loaded.nodes());
        String id = null;
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i).root().equals(root)) {
            id = entries.get(i).id();
            entries.remove(i);
            nodes.remove(i);
            break;
          }
        }
        if (id == null) {
          id = uniqueSlug(entry.name(), entries);
        }
        RegisteredDataset stored =
            new RegisteredDataset(
                id,
                entry.name().strip(),
                root,
                entry.layout(),
                entry.options(),
                entry.features(),
                entry.fingerprint(),
                entry.clips(),
                entry.importedAt() == null ? Instant.now() : entry.importedAt());
        nodes.add(Json.tolerant().valueToTree(stored));
        ObjectNode top = loaded.top().deepCopy();
        top.put("schema_version", SCHEMA_VERSION);
        ArrayNode array = top.putArray("datasets");
        nodes.forEach(array::add);
        byte[] json = Json.tolerant().writeValueAsBytes(top);
        AtomicFiles.write(
            file(),
            out -> {
              out.write(json);
              out.write('\n');
            });
        return stored;
      }
    }
  }

  /** The entry with this id. */
  public Optional<RegisteredDataset> find(String id) throws IOException {
    return list().stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * SHA-256 (hex) over the clips' lines {@code id \t size \t modified \t labels} ({@code modified}
   * the file's last-modified time in epoch milliseconds, labels {@code ;}-joined), sorted, each
   * ending in a newline: it changes when a file is added, removed, resized, rewritten or
   * relabelled. The time is there because sizes alone miss rewritten content: a rebuilt noisy
   * variant (same length, same encoding) has every file the same size. Not a content hash, which
   * would read every byte of a 50 k-file dataset; the cost is that touching a file without changing
   * it changes the fingerprint too. A file that cannot be read counts as size and time -1, so a
   * vanished file changes the fingerprint instead of failing it.
   */
  public static String fingerprint(DatasetIndex index) throws IOException {
    List<String> lines = new ArrayList<>(index.clips().size());
    for (Clip c : index.clips()) {
      long size;
      long modified;
      try {
        BasicFileAttributes a = Files.readAttributes(c.path(), BasicFileAttributes.class);
        size = a.size();
        modified = a.lastModifiedTime().toMillis();
      } catch (IOException e) {
        size = -1;
        modified = -1;
      }
      lines.add(
          c.id() + "\t" + size + "\t" + modified + "\t" + String.join(";", c.labels()) + "\n");
    }
    lines.sort(null);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (String line : lines) {
      sha.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The file's top object, its entry nodes (kept for their unknown fields) and entries. */
  private record Loaded(ObjectNode top, List<JsonNode> nodes, List<RegisteredDataset> entries) {}

  private Loaded load() throws IOException {
    Path file = file();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(Json.tolerant().createObjectNode(), List.of(), List.of());
    }
    ObjectMapper m = Json.tolerant();
    JsonNode top;
    try {
      top = m.readTree(bytes);
    } catch (JacksonException e) {
      throw setAside(file, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (top == null || !top.isObject()) {
      throw setAside(file, "not a JSON object", null);
    }
    JsonNode version = top.get("schema_version");
    if (version != null && (!version.canConvertToInt() || version.asInt() < 1)) {
      throw setAside(file, "schema_version must be a positive number, found " + version, null);
    }
    if (version != null && version.asInt() > SCHEMA_VERSION) {
      throw new IOException(
          file
              + " was written by a newer TKD Workbench (schema_version "
              + version.asInt()
              + "; this version knows "
              + SCHEMA_VERSION
              + "); it is left unchanged. Update the workbench.");
    }
    JsonNode datasets = top.get("datasets");
    if (datasets != null && !datasets.isArray()) {
      throw setAside(file, "\"datasets\" must be a list", null);
    }
    List<JsonNode> nodes = new ArrayList<>();
    List<RegisteredDataset> entries = new ArrayList<>();
    if (datasets != null) {
      for (int i = 0; i < datasets.size(); i++) {
        JsonNode n = datasets.get(i);
        RegisteredDataset d;
        try {
          d = m.treeToValue(n, RegisteredDataset.class);
        } catch (JacksonException e) {
          throw setAside(file, "entry " + (i + 1) + ": " + e.getOriginalMessage(), e);
        }
        if (d == null || d.id() == null || d.root() == null || d.layout() == null) {
          throw setAside(file, "entry " + (i + 1) + " lacks its id, root or layout", null);
        }
        nodes.add(n);
        entries.add(d);
      }
    }
    return new Loaded((ObjectNode) top, nodes, entries);
  }

  /** Moves the unreadable file aside (never deleting it) and returns the exception to throw. */
  private static CorruptRegistryException setAside(Path file, String problem, Throwable cause)
      throws IOException {
    String stamp = STAMP.format(Instant.now());
    Path aside = file.resolveSibling(FILE + ".corrupt-" + stamp);
    for (int n = 2; Files.exists(aside); n++) {
      aside = file.resolveSibling(FILE + ".corrupt-" + stamp + "-" + n);
    }
    Files.move(file, aside);
    return new CorruptRegistryException(file, aside, problem, cause);
  }

  /** A lower-case slug of {@code name}, unique among {@code entries}. */
  static String uniqueSlug(String name, List<RegisteredDataset> entries) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      slug = "dataset";
    }
    String candidate = slug;
    for (int n = 2; taken(candidate, entries); n++) {
      candidate = slug + "-" + n;
    }
    return candidate;
  }

  private static boolean taken(String id, List<RegisteredDataset> entries) {
    return entries.stream().anyMatch(e -> e.id().equals(id));
  }
}
