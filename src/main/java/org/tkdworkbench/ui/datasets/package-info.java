/**
 * The Datasets section's side panel: the datasets registered in the workspace (name, layout,
 * clips), the "Import dataset…" button that starts the wizard, and opening a registered dataset in
 * the clip browser. The registry is read in a job; nothing here touches files on the FX thread.
 */
package org.tkdworkbench.ui.datasets;
