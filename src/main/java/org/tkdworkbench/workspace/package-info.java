/**
 * The workspace: one folder of plain files holding caches, datasets' registry, teachers and runs.
 * {@link org.tkdworkbench.workspace.Workspace} decides where it is ({@code --workspace}, then
 * {@code TKD_WORKSPACE}, then a folder in the user's home) and names its sub-folders.
 */
package org.tkdworkbench.workspace;
