package dev.tandem.constructs.access;

import dev.tandem.constructs.core.Values;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.util.List;
import java.util.Optional;

/**
 * Everything an {@link AppDataAccess} is built from, as the user set it; {@link AppDataAccess} checks it.
 * The AWS region is the stack's; the tables' names, regions and indexes come from the grants' constructs.
 *
 * @param userName   The IAM user's name, unique in the AWS account (IAM users are global, not regional). Up to
 *                   64 letters, digits and {@code _+=,.@-}; @default the construct path with {@code -}
 *                   separators, e.g. {@code primary-app-data}
 * @param tables     The tables the app uses, each as this region's copy: the {@code GlobalTable} in its home
 *                   region's stack, a {@code TableReplica} in every other. Required, at least one; a copy in
 *                   another AWS region than the stack's is refused, so each region's identity reaches only its
 *                   own region's replica. E.g. {@code List.of(TableGrant.of(sessionsReplica))}
 * @param accessKeys The IAM user's access keys. Rotation changes this list: add a second key, move the pods to
 *                   it, make the first inactive, remove it (README: "Rotating the app's AWS key"). One or two
 *                   keys with distinct names; @default {@link AppDataAccessProps#DEFAULT_KEYS}, one active
 *                   key {@code a}
 */
@Settings
public record AppDataAccessProps(
        Optional<String> userName,
        List<TableGrant> tables,
        @Default("DEFAULT_KEYS") List<AccessKey> accessKeys) {

    /** The key a new identity gets: one active key named {@code a} (a rotation adds {@code b}). */
    public static final List<AccessKey> DEFAULT_KEYS = List.of(AccessKey.active("a"));

    /** Copies the lists (nulls are kept for validation to report). */
    public AppDataAccessProps {
        userName = userName == null ? Optional.empty() : userName;
        tables = Values.list(tables);
        accessKeys = Values.list(accessKeys);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AppDataAccessProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the construct is built */
        public AppDataAccessProps build() {
            return props();
        }
    }

    /**
     * The settings of an {@link AppDataAccess}, shared by {@link Builder} and {@link AppDataAccess.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends AppDataAccessPropsSettings<B> {
    }
}
