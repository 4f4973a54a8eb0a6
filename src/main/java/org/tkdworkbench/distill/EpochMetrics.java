package org.tkdworkbench.distill;

import java.util.Map;

/**
 * One evaluated epoch.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss over the epoch
 * @param validationLoss mean validation loss (NaN when there is no validation split)
 * @param validationMetric accuracy (single-label) or mAP (multi-label) on validation (NaN if none)
 * @param learningRate the learning rate at the end of the epoch
 * @param seconds wall time of the epoch
 * @param extra further named values (e.g. loss terms), may be empty
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double validationLoss,
    double validationMetric,
    double learningRate,
    double seconds,
    Map<String, Double> extra) {}
