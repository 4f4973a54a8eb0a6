/**
 * Temporal knowledge distillation. The teacher side: attention rollout to {@code a_T} ({@link
 * org.tkdworkbench.distill.Rollout}), the teacher's knowledge per clip (cache, import from Python,
 * evaluation of peak-in-span), teacher training ({@link org.tkdworkbench.distill.TeacherTrainer}).
 * The student side: the {@link org.tkdworkbench.distill.TemporalProbe} (training only, never part
 * of the exported student), the {@link org.tkdworkbench.distill.DistillationLoss} with its terms
 * logged separately, the attention targets and their controls ({@link
 * org.tkdworkbench.distill.AttentionTargets}), the training loop into a run folder ({@link
 * org.tkdworkbench.distill.StudentTrainer}), starting and resuming runs from a {@link
 * org.tkdworkbench.distill.DistillRunConfig} ({@link org.tkdworkbench.distill.DistillRuns}) and
 * grids of them ({@link org.tkdworkbench.distill.Sweep}). Shared: {@code ClipTensors}, {@code
 * Batches}, {@code ClassificationMetrics}. Engine-neutral DJL only: no MXNet classes, no JavaFX.
 */
package org.tkdworkbench.distill;
