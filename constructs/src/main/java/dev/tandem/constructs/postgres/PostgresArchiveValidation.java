package dev.tandem.constructs.postgres;

import dev.tandem.constructs.core.Problems;
import java.util.regex.Pattern;

/** Every check of {@link PostgresArchiveProps}, recorded before any resource exists. */
final class PostgresArchiveValidation {
    private static final Pattern PROJECT = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern REGION = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    /**
     * S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or
     * digit (AWS S3 User Guide, "Bucket naming rules", which OVH's S3 API follows; no dots here, so
     * virtual-host TLS names stay valid).
     */
    static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    /** Ten years: anything longer is a typo for a retention that never expires. */
    static final int MAX_NONCURRENT_DAYS = 3650;

    private PostgresArchiveValidation() {
    }

    static void check(Problems p, PostgresArchiveProps props) {
        if (!p.present(props, "props", "build it with PostgresArchive.Builder.create(stack, id)…build()")) {
            return;
        }
        if (p.present(props.cloudProject(), "cloudProject", "copy the project id from the OVH control panel")) {
            p.require(PROJECT.matcher(props.cloudProject()).matches(), "cloudProject", props.cloudProject(),
                    "must be an OVH Public Cloud project id (32 lower-case hexadecimal characters)",
                    "copy it from the OVH control panel (Public Cloud → project → id)");
        }
        if (p.present(props.region(), "region", "name the stack's OVH region, e.g. DE1")) {
            p.require(REGION.matcher(props.region()).matches(), "region", props.region(),
                    "must be an OVH region code (upper case, e.g. EU-WEST-PAR, DE1)", "use the control panel's code");
        }
        if (p.present(props.storageRegion(), "storageRegion", "name the Object Storage region, e.g. DE")) {
            p.require(REGION.matcher(props.storageRegion()).matches(), "storageRegion", props.storageRegion(),
                    "must be an Object Storage region as the API names it (upper case, e.g. DE, EU-WEST-PAR)",
                    "derive it with PostgresArchiveProps.forRegion(database, region, project)");
        }
        if (p.present(props.noncurrentVersionDays(), "noncurrentVersionDays", "omit it for "
                + PostgresArchiveProps.DEFAULT_NONCURRENT_VERSION_DAYS + " days")) {
            p.require(props.noncurrentVersionDays() >= 1 && props.noncurrentVersionDays() <= MAX_NONCURRENT_DAYS,
                    "noncurrentVersionDays", props.noncurrentVersionDays(), "must be 1–" + MAX_NONCURRENT_DAYS
                            + " days: 0 would expire a deleted archive at once, and the archive's own retention "
                            + "already bounds what is current", "keep the default of "
                            + PostgresArchiveProps.DEFAULT_NONCURRENT_VERSION_DAYS + " days, or the days your team "
                            + "needs to notice a wrong delete");
        }
        boolean hosted = bucket(p, "hostedBucket", props.hostedBucket());
        boolean write = bucket(p, "writeBucket", props.writeBucket());
        if (hosted && write) {
            p.require(!props.hostedBucket().equals(props.writeBucket()), "writeBucket", props.writeBucket(),
                    "must differ from hostedBucket: a region writes its own archive and only reads the peer's, "
                            + "so one bucket cannot be both", "derive both with PostgresArchiveProps.forRegion");
        }
    }

    private static boolean bucket(Problems p, String property, String name) {
        return p.present(name, property, "derive it with PostgresArchiveProps.forRegion(database, region, project)")
                && p.require(BUCKET.matcher(name).matches(), property, name, "must be an S3 bucket name: 3 to 63 "
                        + "lower-case letters, digits and hyphens, starting and ending with a letter or digit",
                        "shorten the database name or the archive bucket prefix");
    }
}
