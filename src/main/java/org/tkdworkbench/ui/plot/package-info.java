/**
 * Plot building blocks shared by views: colour maps, axis tick placement, and the spectrogram and
 * waveform buffers that are computed off the FX thread. Nothing here touches a {@code Node}, so it
 * is tested without the toolkit; views only copy the finished buffers to the screen.
 */
package org.tkdworkbench.ui.plot;
