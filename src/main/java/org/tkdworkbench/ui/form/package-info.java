/**
 * Form building blocks shared by the app's editors (dataset wizard, student designer): text fields
 * whose values the core validates ({@link org.tkdworkbench.ui.form.FieldForm} routes each
 * {@code section.field: rule} message to its field), a label / field / message grid with
 * ControlsFX decorations, and number parsing as users type numbers.
 */
package org.tkdworkbench.ui.form;
