package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference deployment as written: the zone's client certificate comes from the origin-pulls stack, each
 * region delivers that stack's CA to HAProxy, and nothing fetches or trusts Cloudflare's shared certificate.
 */
class OriginPullsStackTest {
    private static JsonNode stack(String name) throws IOException {
        return new ObjectMapper().readTree(ReferenceOutput.outdir().resolve("stacks/" + name + "/cdk.tf.json").toFile());
    }

    @Test
    void theOriginPullsStackUploadsTheClientCertificateAndSwitchesPullsOnAfterIt() throws IOException {
        JsonNode resources = stack("origin-pulls").path("resource");

        assertThat(resources.path("cloudflare_authenticated_origin_pulls_certificate").size()).isOne();
        JsonNode settings = resources.path("cloudflare_authenticated_origin_pulls_settings").elements().next();
        assertThat(settings.path("enabled").asBoolean()).isTrue();
        assertThat(settings.path("depends_on").get(0).asText()).startsWith("terraform_data.origin-pulls_upload-active_");
        assertThat(stack("edge").path("resource").has("cloudflare_authenticated_origin_pulls_settings"))
                .as("the edge no longer switches pulls on without an upload").isFalse();
    }

    @Test
    void eachRegionDeliversTheOriginPullsStacksCaAndNeitherFetchesCloudflaresShared() throws IOException {
        for (String region : List.of("primary", "secondary")) {
            JsonNode json = stack(region);
            assertThat(json.path("data").path("terraform_remote_state").has("cross-stack-reference-input-origin-pulls"))
                    .as(region).isTrue();
            List<String> uploads = new ArrayList<>();
            json.path("resource").path("terraform_data").elements().forEachRemaining(d -> d.path("provisioner")
                    .elements().forEachRemaining(step -> {
                        if (step.path("file").path("destination").asText().endsWith("/origin-pull-ca.pem")) {
                            uploads.add(step.path("file").path("content").asText());
                        }
                    }));
            assertThat(uploads).as("one CA upload per instance in %s", region).hasSize(2);
            String local = uploads.get(0).substring(8, uploads.get(0).length() - 1);
            assertThat(json.path("locals").path(local).asText())
                    .contains("data.terraform_remote_state.cross-stack-reference-input-origin-pulls.outputs.");
            // user_data is the bootstrap (the side file, and the local the expression reads) plus the host key.
            String userData = json.path("resource").path("ovh_cloud_instance").elements().next().path("user_data")
                    .asText();
            String bootstrapLocal = userData.replaceAll("(?s).*\\(local\\.([A-Za-z0-9_]+),.*", "$1");
            assertThat(json.path("locals").path(bootstrapLocal).asText()).startsWith("#cloud-config")
                    .doesNotContain("developers.cloudflare.com", "authenticated_origin_pull_ca");
            assertThat(Files.readString(ReferenceOutput.outdir().resolve("stacks/" + region + "/haproxy/haproxy.cloud-init.yaml")))
                    .doesNotContain("developers.cloudflare.com", "authenticated_origin_pull_ca");
            assertThat(Files.readString(ReferenceOutput.outdir().resolve("stacks/" + region + "/haproxy/haproxy.cfg")))
                    .contains("ca-file origin-pull-ca.pem verify optional",
                            "http-request deny deny_status 421 unless { ssl_fc_sni,lower -m str app.example.com }");
        }
    }
}
