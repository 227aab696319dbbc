package dev.tandem.rehearsal.postgres;

/**
 * How a rendered CloudNativePG {@code Cluster}'s standby region receives WAL, as {@link ClusterSettings#read} finds it
 * in the manifest. The rehearsal reads only the synthesized output, so it names the modes itself rather than taking
 * the library's type; the names are the ones the DR report prints.
 */
public enum StandbyMode {
    /** WAL from the peer's archive only: the standby lags by up to the archive timeout. */
    ARCHIVE_ONLY,
    /** Streaming from the peer's fixed address, the archive as fallback. */
    STREAMING,
    /** Streaming, and the primary waits for the standby's flush before it acknowledges a commit. */
    SYNCHRONOUS
}
