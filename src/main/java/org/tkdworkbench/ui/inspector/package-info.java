/**
 * The attention inspector (Teacher section): a teacher's view of one clip on one time axis —
 * spectrogram, rollout curve, layer × time and head × time heatmaps — with the true keyword span
 * shaded and a playback cursor. {@link org.tkdworkbench.ui.inspector.InspectorViewModel} holds the
 * state and runs inference, rollout and pixel work as latest-wins jobs (one inference per clip);
 * {@link org.tkdworkbench.ui.inspector.InspectorView} only builds nodes. No teacher math lives
 * here: rollout is the core's {@code distill.Rollout}.
 */
package org.tkdworkbench.ui.inspector;
