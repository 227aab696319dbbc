/**
 * Internal: classes the library's own packages and its synth main share, public only because Java
 * has no narrower visibility across packages. Not part of Tandem's API; they change without notice.
 * Kubernetes manifest rendering ({@link dev.tandem.constructs.internal.AppManifests},
 * {@link dev.tandem.constructs.internal.ManifestYaml}) and the synth-speed
 * {@link dev.tandem.constructs.internal.ManifestWarmUp} live here.
 */
package dev.tandem.constructs.internal;
