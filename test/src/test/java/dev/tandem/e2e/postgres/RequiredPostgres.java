package dev.tandem.e2e.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.rehearsal.postgres.PostgresBinaries;
import org.junit.jupiter.api.Assumptions;

/** The drill's PostgreSQL: missing on a workstation, the drill is skipped with how to install it; in CI, it fails. */
public final class RequiredPostgres {
    private RequiredPostgres() {
    }

    /** @return the installed server programs */
    public static PostgresBinaries binaries() {
        try {
            return PostgresBinaries.locate();
        } catch (IllegalStateException missing) {
            if (System.getenv("CI") != null) {
                fail(missing.getMessage() + "; CI must run the PostgreSQL drill, so .ci/run has to install it");
            }
            Assumptions.abort(missing.getMessage() + ": skipping the PostgreSQL failover drill");
            throw missing;
        }
    }
}
