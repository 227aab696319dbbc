package dev.tandem.constructs.readiness;

/** How a failed readiness check counts: an error stops the synth, a warning is reported and lets it go on. */
public enum Severity {
    /** Stops the synth unless the risk is accepted (where the rule allows it). */
    ERROR,
    /** Shown in the report; the synth goes on. */
    WARNING
}
