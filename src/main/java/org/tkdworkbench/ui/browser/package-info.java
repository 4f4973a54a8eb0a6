/**
 * The clip browser: a filterable table of a dataset's clips, the selected clip's waveform and
 * log-mel spectrogram with axes, and playback with a moving cursor. {@link
 * org.tkdworkbench.ui.browser.ClipBrowserViewModel} holds state and runs decoding, feature and
 * pixel work as latest-wins jobs; {@link org.tkdworkbench.ui.browser.ClipBrowserView} only builds
 * and binds nodes. No decoding or file access on the FX thread.
 */
package org.tkdworkbench.ui.browser;
