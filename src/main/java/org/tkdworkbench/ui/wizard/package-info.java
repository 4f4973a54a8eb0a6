/**
 * The dataset wizard (DESIGN §2 step 1): source → detected layout → feature settings → optional
 * noisy variant → summary with the import report → Finish registers and opens the dataset. {@link
 * org.tkdworkbench.ui.wizard.WizardViewModel} holds every property, rule and job (no {@code Node};
 * tested without the toolkit through the {@link org.tkdworkbench.ui.wizard.WizardServices} facade);
 * {@link org.tkdworkbench.ui.wizard.WizardView} and the {@code *Page} classes only build and bind
 * nodes inside ControlsFX's {@code Wizard}. No file access or decoding on the FX thread beyond a
 * {@code stat} of a typed output folder.
 */
package org.tkdworkbench.ui.wizard;
