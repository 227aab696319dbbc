package dev.tandem.constructs.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.providers.aws.provider.AwsProvider;
import java.io.UncheckedIOException;

/** Stacks for construct unit tests, and their synthesized JSON as a tree. */
public final class TestStacks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestStacks() {
    }

    /** @return a fresh stack named {@code test} in a testing app, with an AWS provider in eu-west-3 */
    public static TerraformStack awsStack() {
        return awsStack(Testing.app(), "test", "eu-west-3");
    }

    /** @return a stack named {@code name} in {@code app}, with an AWS provider in {@code region} */
    public static TerraformStack awsStack(App app, String name, String region) {
        TerraformStack stack = new TerraformStack(app, name);
        AwsProvider.Builder.create(stack, "aws").region(region).build();
        return stack;
    }

    /** @return a fresh stack named {@code test} with no provider */
    public static TerraformStack emptyStack() {
        return new TerraformStack(Testing.app(), "test");
    }

    /** @return the stack's Terraform JSON, parsed */
    public static JsonNode synth(TerraformStack stack) {
        return parse(Testing.synth(stack));
    }

    /**
     * Synthesizes the whole app, so cross-stack references become outputs and remote-state lookups
     * as in a real synth ({@link Testing#synth} resolves one stack alone).
     *
     * @return the stack named {@code stack}'s Terraform JSON, parsed
     */
    public static JsonNode synthApp(App app, String stack) {
        app.synth();
        try {
            return parse(java.nio.file.Files.readString(java.nio.file.Path.of(app.getOutdir(), "stacks", stack,
                    "cdk.tf.json")));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code json} parsed */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the only resource of {@code type} in {@code synth}, failing when there is not exactly one */
    public static JsonNode onlyResource(JsonNode synth, String type) {
        JsonNode byName = synth.path("resource").path(type);
        if (byName.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + byName.size() + " in " + synth);
        }
        return byName.elements().next();
    }
}
