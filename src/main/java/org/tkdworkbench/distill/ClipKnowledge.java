package org.tkdworkbench.distill;

/**
 * The teacher's knowledge of one clip, as distillation consumes it.
 *
 * @param clipId the clip's id in its dataset ({@code Clip.id()})
 * @param logits one per class
 * @param curve the attention curve over the teacher's tokens (sums to 1): {@code a_T} before
 *     interpolation to a student's length
 * @param times centre time (s) of each curve point
 */
public record ClipKnowledge(String clipId, float[] logits, float[] curve, double[] times) {}
