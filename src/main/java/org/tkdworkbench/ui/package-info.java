/**
 * The JavaFX app: views built in code, view-models with properties and commands. The only package
 * allowed to import {@code javafx.*}; it never does I/O, decoding or training on the FX thread —
 * that goes to the core through a {@link org.tkdworkbench.jobs.JobRunner}.
 */
package org.tkdworkbench.ui;
