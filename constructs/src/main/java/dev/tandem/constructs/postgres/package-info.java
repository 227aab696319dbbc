/**
 * A PostgreSQL database across the deployment's two OVH regions, with CloudNativePG: describe it once
 * ({@link dev.tandem.constructs.postgres.PostgresDatabaseProps}), place a
 * {@link dev.tandem.constructs.postgres.PostgresCluster} in each region stack beside the region's app cluster,
 * and wire the app with {@code AppSpec.Builder.postgres(database.wiring(region, namespace))}.
 *
 * <p>The region named {@code primaryRegion} runs the primary cluster; the other a replica cluster following it
 * through the WAL archive (and, in streaming modes, over the shared private network). Each cluster archives
 * into a bucket in the peer region, so the archive outlives the region that wrote it. Promotion is a declared
 * change: move {@code primaryRegion}, synthesize, apply both regions. The rendered manifests are checked against
 * CloudNativePG's webhook rules ({@link dev.tandem.constructs.postgres.CnpgClusterRules}) and, strictly, against
 * a subset of its CRD schemas ({@link dev.tandem.constructs.postgres.CnpgSchema}) before they are written.
 */
package dev.tandem.constructs.postgres;
