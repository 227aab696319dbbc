package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;
import java.util.Map;

/**
 * A taint every node of a pool carries, so only pods that tolerate it are scheduled there.
 *
 * <pre>{@code
 * Taint.builder().key("dedicated").value("app").effect(Taint.Effect.NoSchedule).build()
 * }</pre>
 *
 * @param key    label-style key, e.g. {@code dedicated}
 * @param value  value, may be empty
 * @param effect what happens to pods that do not tolerate it
 */
public record Taint(String key, String value, Effect effect) {

    /** Kubernetes taint effects, spelled as the API spells them. */
    public enum Effect {
        /** New pods without a toleration are not scheduled. */
        NoSchedule,
        /** The scheduler avoids the node when it can. */
        PreferNoSchedule,
        /** Running pods without a toleration are evicted too. */
        NoExecute
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the taint as the map the OVH node pool template takes */
    Map<String, String> toTemplateMap() {
        return Map.of("key", key, "value", value, "effect", effect.name());
    }

    /**
     * Records a missing key or effect and names Kubernetes would refuse.
     *
     * @param p where to record, e.g. {@code problems.nested("nodePool.taints[0]")}
     */
    public void validate(Problems p) {
        if (p.present(key, "key", "name the taint, e.g. dedicated")) {
            p.require(KubernetesNames.isLabelKey(key), "key", key, "must be a label-style key: an optional DNS "
                    + "subdomain and '/', then at most 63 letters, digits, '-', '_' or '.'", "use e.g. dedicated");
        }
        if (p.present(value, "value", "use \"\" for a taint without value")) {
            p.require(KubernetesNames.isLabelValue(value), "value", value, "must be a label value: empty, or at "
                    + "most 63 letters, digits, '-', '_' or '.', alphanumeric at both ends", "use e.g. app");
        }
        p.present(effect, "effect", "use Taint.Effect.NoSchedule");
    }

    /** Builds a {@link Taint}. */
    public static final class Builder {
        private String key;
        private String value = "";
        private Effect effect = Effect.NoSchedule;

        private Builder() {
        }

        /**
         * The taint's key. Required.
         *
         * @param value a label-style key, e.g. {@code dedicated}
         * @return this builder
         */
        public Builder key(String value) {
            this.key = value;
            return this;
        }

        /**
         * The taint's value.
         *
         * @default "" (no value)
         * @param value a label value, e.g. {@code app}
         * @return this builder
         */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /**
         * What happens to pods that do not tolerate the taint.
         *
         * @default {@link Effect#NoSchedule}
         * @param value the effect
         * @return this builder
         */
        public Builder effect(Effect value) {
            this.effect = value;
            return this;
        }

        /** @return the taint; checked when the cluster is built */
        public Taint build() {
            return new Taint(key, value, effect);
        }
    }
}
