/**
 * TKD Workbench: temporal knowledge distillation for on-device audio classifiers.
 *
 * <p>This base package holds only the composition root ({@link org.tkdworkbench.Main}) and the
 * process-wide start-up settings. Each capability lives in its own sub-package; everything except
 * {@code ui} is the core and never touches JavaFX.
 */
package org.tkdworkbench;
