/**
 * Temporal knowledge distillation: attention rollout to {@code a_T} ({@link
 * org.tkdworkbench.distill.Rollout}), the teacher's knowledge per clip (cache, import from Python,
 * evaluation of peak-in-span), and the training loop ({@link
 * org.tkdworkbench.distill.TeacherTrainer}, with {@code ClipTensors}, {@code Batches} and {@code
 * ClassificationMetrics} meant for student training too). Engine-neutral DJL only: no MXNet classes,
 * no JavaFX. The student probe and the distillation loss come with the students.
 */
package org.tkdworkbench.distill;
