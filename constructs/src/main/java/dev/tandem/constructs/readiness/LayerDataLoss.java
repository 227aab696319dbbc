package dev.tandem.constructs.readiness;

import java.time.Duration;

/**
 * One layer's exposure to data loss in a region failover.
 *
 * @param layer   the layer, e.g. {@code dynamodb}
 * @param path    the construct
 * @param typical the writes that may be lost: the replication lag, zero for a layer that holds no data
 * @param basis   why, in words
 */
public record LayerDataLoss(String layer, String path, Duration typical, String basis) {
}
