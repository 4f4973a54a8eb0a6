/**
 * The app shell: the window's navigation between workflow sections, the status bar (messages,
 * dataset summary, job progress polled ten times a second), command-line arguments, and opening
 * a dataset in the background. Sections are added as they are built; there are no placeholders.
 */
package org.tkdworkbench.ui.shell;
