package dev.tandem.constructs.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link AwsResource} declares: {@code AwsResourceProps.builder().type("aws_sqs_queue")
 * .arguments(Map.of("name", "orders-dlq")).build()}, or the same values on {@link AwsResource.Builder}.
 *
 * @param type      a hashicorp/aws resource type, e.g. {@code aws_sqs_queue}, or a data source written
 *                  {@code data.aws_vpc}
 * @param arguments its arguments as Terraform names them (snake_case): strings, numbers, booleans, lists,
 *                  maps, cdktf references, and a nested block as a {@code Map} (or a {@code List} of them)
 */
public record AwsResourceProps(String type, Map<String, Object> arguments) {

    /** Keeps the arguments in the order given, read-only; null stays null for validation to report. */
    public AwsResourceProps {
        arguments = arguments == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AwsResourceProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        private Builder() {
        }

        /** @return the props (checked when the construct is built) */
        public AwsResourceProps build() {
            return props();
        }
    }

    /**
     * The setters {@link Builder} and {@link AwsResource.Builder} share.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private String type;
        private Map<String, Object> arguments = Map.of();

        BuilderBase() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * @param value the resource type, e.g. {@code aws_sqs_queue}, or {@code data.aws_vpc} for a data source (required)
         * @return this builder
         */
        public B type(String value) {
            this.type = value;
            return self();
        }

        /**
         * @param value the arguments by their Terraform names; @default none
         * @return this builder
         */
        public B arguments(Map<String, ?> value) {
            this.arguments = value == null ? null : new LinkedHashMap<>(value);
            return self();
        }

        /** @return the props as set so far */
        protected AwsResourceProps props() {
            return new AwsResourceProps(type, arguments);
        }
    }
}
