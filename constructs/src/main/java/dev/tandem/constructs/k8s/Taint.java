package dev.tandem.constructs.k8s;

import java.util.Map;

/**
 * A taint every node of a pool carries, so only pods that tolerate it are scheduled there.
 *
 * @param key    label-style key, e.g. {@code dedicated}
 * @param value  value, may be empty
 * @param effect what happens to pods that do not tolerate it
 */
public record Taint(String key, String value, Effect effect) {

    /** Kubernetes taint effects. */
    public enum Effect {
        /** New pods without a toleration are not scheduled. */
        NoSchedule,
        /** The scheduler avoids the node when it can. */
        PreferNoSchedule,
        /** Running pods without a toleration are evicted too. */
        NoExecute
    }

    /** @return the taint as the map the OVH node pool template takes */
    Map<String, String> toTemplateMap() {
        return Map.of("key", key, "value", value, "effect", effect.name());
    }
}
