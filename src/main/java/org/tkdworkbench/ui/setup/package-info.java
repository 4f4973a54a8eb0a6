/**
 * The app's first start and its housekeeping: the settings file and the workspace it names
 * ({@link org.tkdworkbench.ui.setup.AppSetup}), the getting-started guide, the Settings and
 * About/diagnostics dialogs, and the error dialog that turns an uncaught exception into a message
 * with a "Copy details" button while the app keeps running.
 */
package org.tkdworkbench.ui.setup;
