package org.tkdworkbench.ui.shell;

import javafx.scene.Node;

/**
 * One workflow section in the navigation.
 *
 * @param navId the navigation button's node id, e.g. {@code navDatasets}
 * @param title the button's text
 * @param content the section's view
 */
public record Section(String navId, String title, Node content) {}
