package dev.tandem.constructs.readiness;

/** The outcome of one readiness check, as the report shows it. */
public enum Verdict {
    /** The deployment meets the rule. */
    PASS,
    /** A warning rule is not met; the synth goes on. */
    WARN,
    /** An error rule is not met; the synth stops. */
    FAIL,
    /** The rule is not met, and the deployment accepts that risk with a stated reason. */
    ACCEPTED
}
