/**
 * Models, built on DJL's engine-neutral API only (no MXNet classes): the transformer teacher that
 * returns every layer's attention ({@link org.tkdworkbench.models.TeacherBlock}), its Java-array
 * facade {@link org.tkdworkbench.models.AttentionTeacher} and its on-disk form ({@link
 * org.tkdworkbench.models.TeacherStore}). Arrays made in a forward pass live on the caller's
 * per-step sub-manager, never on the model's manager (that leaked ~190 MB per step). The students
 * and their cost live in {@link org.tkdworkbench.models.student}. {@link
 * org.tkdworkbench.models.Engines} is the one place that names engines (MXNet, PyTorch) and
 * devices: everything that builds a model asks it for the engine, so a run keeps the engine it was
 * launched with.
 */
package org.tkdworkbench.models;
