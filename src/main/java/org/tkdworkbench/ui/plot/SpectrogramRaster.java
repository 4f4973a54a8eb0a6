package org.tkdworkbench.ui.plot;

/**
 * A spectrogram ready for the screen: one opaque ARGB pixel per (frame, mel band), row 0 the
 * highest band, built off the FX thread so the view only calls {@code PixelWriter.setPixels}.
 *
 * @param width number of frames
 * @param height number of mel bands
 * @param argb {@code width × height} pixels, row-major
 * @param colorMap the map the pixels were coloured with
 * @param maxDb the loudest cell in dB (10·log10 of mel power), the top of the colour scale
 * @param minDb the bottom of the colour scale in dB
 */
public record SpectrogramRaster(
    int width, int height, int[] argb, ColorMap colorMap, double maxDb, double minDb) {}
