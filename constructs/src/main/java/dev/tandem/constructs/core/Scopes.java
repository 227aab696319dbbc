package dev.tandem.constructs.core;

import software.constructs.Construct;

/**
 * Checks a construct's scope and id before the constructs library sees them, so a missing scope or
 * a clashing id is a {@link ValidationException} naming the construct, not a jsii error. Resource
 * names derive from the construct path, so an id holding a Terraform template sequence is refused
 * ({@link TerraformStrings#refuseTemplate}).
 */
public final class Scopes {
    private Scopes() {
    }

    /**
     * Use as {@code super(Scopes.checked(scope, id, "GlobalTable"), id)}.
     *
     * @param scope the parent the construct is created under
     * @param id    the construct's id
     * @param type  the construct's type, for the message
     * @return {@code scope}
     * @throws ValidationException when the scope is null, the id is empty or has a {@code /}, {@code ${}
     *                             or {@code %{}, or the scope already has a child with that id
     */
    public static Construct checked(Construct scope, String id, String type) {
        // The usual case costs one call into jsii (node, then tryFindChild); paths are read only for a message.
        if (scope != null && id != null && !id.isEmpty() && !id.contains("/") && !TerraformStrings.holdsTemplate(id)
                && scope.getNode().tryFindChild(id) == null) {
            return scope;
        }
        String path = scope == null ? type : scope.getNode().getPath().isEmpty() ? id : scope.getNode().getPath() + "/" + id;
        Problems p = new Problems(path == null ? type : path);
        p.present(scope, "scope", "create the " + type + " under a stack or a construct inside one");
        if (p.require(id != null && !id.isEmpty() && !id.contains("/"), "id", id,
                "must be non-empty and contain no /", "use a short name such as sessions or haproxy")
                && TerraformStrings.refuseTemplate(p, "id", id, "use a short name such as sessions or haproxy")
                && scope != null) {
            p.require(scope.getNode().tryFindChild(id) == null, "id", id,
                    "is already used by another construct under " + describe(scope),
                    "give each construct in one scope its own id");
        }
        p.throwIfAny();
        return scope;
    }

    private static String describe(Construct scope) {
        String path = scope.getNode().getPath();
        return path.isEmpty() ? "the app" : path;
    }
}
