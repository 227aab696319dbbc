package dev.tandem.constructs.k8s;

/** When OVH may apply Kubernetes patch updates to the cluster ({@code update_policy}). */
public enum UpdatePolicy {
    /** Apply every update as soon as it is out, security fixes included. */
    ALWAYS_UPDATE,
    /** Apply updates only when they need no node reboot or replacement. */
    MINIMAL_DOWNTIME,
    /** Never apply updates; the team upgrades on its own schedule. */
    NEVER_UPDATE
}
