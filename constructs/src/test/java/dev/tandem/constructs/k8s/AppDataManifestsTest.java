package dev.tandem.constructs.k8s;

import static dev.tandem.constructs.k8s.K8sFixtures.app;
import static dev.tandem.constructs.k8s.K8sFixtures.cluster;
import static dev.tandem.constructs.k8s.K8sFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.constructs.access.DataWiring;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.health.HealthScope;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app's data in its manifests: the wiring as environment, the credentials by reference, probes by health scope. */
class AppDataManifestsTest {
    private static final DataWiring WIRING = new DataWiring("eu-central-1", Map.of("TANDEM_TABLE_ORDERS", "orders-v2"),
            "secondary/app-data");

    private static JsonNode container(AppSpec.Builder app) {
        return yaml(cluster(TestStacks.emptyStack()).app(app.build()).build(), "deployment.yaml")
                .at("/spec/template/spec/containers/0");
    }

    @Test
    void theWiringBecomesTheContainersEnvironmentAndTheKeysComeFromTheAppsSecret() {
        JsonNode env = container(app().data(WIRING)).path("env");

        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> fromSecret = new LinkedHashMap<>();
        env.forEach(v -> {
            if (v.has("value")) {
                plain.put(v.path("name").asText(), v.path("value").asText());
            } else {
                JsonNode ref = v.at("/valueFrom/secretKeyRef");
                fromSecret.put(v.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        });
        assertThat(plain).containsExactly(Map.entry("AWS_REGION", "eu-central-1"),
                Map.entry("AWS_DEFAULT_REGION", "eu-central-1"), Map.entry("TANDEM_TABLE_ORDERS", "orders-v2"));
        assertThat(fromSecret).containsExactly(Map.entry("AWS_ACCESS_KEY_ID", "orders-aws/AWS_ACCESS_KEY_ID"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "orders-aws/AWS_SECRET_ACCESS_KEY"));
    }

    @Test
    void anAppWithoutDataHasNoEnvironment() {
        assertThat(container(app()).has("env")).isFalse();
    }

    @Test
    void whenHealthIncludesTheDataOnlyReadinessGetsThePathAndTheOthersOpenThePort() {
        JsonNode c = container(app().health(HealthContract.builder().scope(HealthScope.APP_AND_DATA).build()).data(WIRING));

        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        for (String probe : List.of("startupProbe", "livenessProbe")) {
            assertThat(c.path(probe).has("httpGet")).as(probe).isFalse();
            assertThat(c.at("/" + probe + "/tcpSocket/port").asInt()).as(probe).isEqualTo(8080);
        }
        assertThat(c.at("/livenessProbe/periodSeconds").asInt() * c.at("/livenessProbe/failureThreshold").asInt())
                .isEqualTo(30);
    }

    @Test
    void aHandMadeWiringIsCheckedWithTheApp() {
        Rejections.assertRejected(() -> cluster(TestStacks.emptyStack())
                .app(app().data(new DataWiring("mars-north-1", Map.of("ORDERS", "orders"), "x")).build()).build(),
                "test/app", "app.data.awsRegion", "mars-north-1", "must be an AWS region");
        Rejections.assertRejected(() -> cluster(TestStacks.emptyStack())
                .app(app().data(new DataWiring("eu-west-3", Map.of("ORDERS", "orders"), "x")).build()).build(),
                "test/app", "app.data.tables", "ORDERS", "TANDEM_TABLE_<LOGICAL>");
    }
}
