/**
 * Temporal knowledge distillation: attention rollout to {@code a_T}, the student probe, the losses
 * and the training loop. Engine-neutral DJL only; empty until the teacher and distillation work.
 */
package org.tkdworkbench.distill;
