package org.tkdworkbench.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.tkdworkbench.features.FeatureSpec;

/**
 * A dataset the user imported, as remembered in the workspace's registry ({@code datasets.json}).
 *
 * @param id a stable id (slug of the name, made unique)
 * @param name what the user calls it
 * @param root the dataset folder (absolute)
 * @param layout how it is read
 * @param options layout choices
 * @param features the feature settings chosen for it
 * @param fingerprint SHA-256 over the sorted clip ids, sizes and labels, to notice when the folder
 *     changed since import
 * @param clips number of accepted clips at import
 * @param importedAt when it was registered
 */
public record RegisteredDataset(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("root") String root,
    @JsonProperty("layout") String layout,
    @JsonProperty("options") LayoutOptions options,
    @JsonProperty("features") FeatureSpec features,
    @JsonProperty("fingerprint") String fingerprint,
    @JsonProperty("clips") int clips,
    @JsonProperty("imported_at") Instant importedAt) {
  /**
   * The entry for a dataset as indexed: its folder, layout and layout options, clip count and
   * fingerprint; the registry gives the id and the import time.
   */
  public static RegisteredDataset of(String name, DatasetIndex index, FeatureSpec features, String fingerprint) {
    return new RegisteredDataset(null, name.strip(), index.root().toString(), index.layout().cliName(),
        index.options(), features, fingerprint, index.clips().size(), null);
  }
}
