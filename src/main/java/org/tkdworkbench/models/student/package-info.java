/**
 * The five on-device students of the paper (LSTM-P, TC-ResNet, CRNN, Att-RNN, MHAtt-RNN, after
 * Google's kws_streaming models) as DJL blocks built from engine-neutral layers only, their {@link
 * org.tkdworkbench.models.student.StudentSpec} (architecture, size preset, width and depth knobs) and
 * their analytic cost. Every student returns its logits and its context sequence {@code c'}; the
 * attention students also return their own attention over time. No training loop, probe or loss
 * lives here (that is {@code distill}), and no MXNet class or JavaFX type may be imported.
 */
package org.tkdworkbench.models.student;
