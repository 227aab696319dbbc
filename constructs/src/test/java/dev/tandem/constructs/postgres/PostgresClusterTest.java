package dev.tandem.constructs.postgres;

import static dev.tandem.constructs.postgres.PostgresFixtures.FRANKFURT;
import static dev.tandem.constructs.postgres.PostgresFixtures.PARIS;
import static dev.tandem.constructs.postgres.PostgresFixtures.file;
import static dev.tandem.constructs.postgres.PostgresFixtures.sessions;
import static dev.tandem.constructs.postgres.PostgresFixtures.streaming;
import static dev.tandem.constructs.postgres.PostgresFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PostgresClusterTest {
    private static K8sAppCluster parisApp(TerraformStack stack) {
        return K8sFixtures.cluster(stack).kubernetesVersion("1.34").build();
    }

    private static K8sAppCluster frankfurtApp(TerraformStack stack) {
        return K8sFixtures.oneZoneCluster(stack).kubernetesVersion("1.35").build();
    }

    private static PostgresCluster paris(PostgresDatabaseProps db) {
        TerraformStack stack = TestStacks.emptyStack();
        return PostgresCluster.Builder.create(stack, "sessions-db").database(db).app(parisApp(stack)).build();
    }

    private static PostgresCluster frankfurt(PostgresDatabaseProps db) {
        TerraformStack stack = TestStacks.emptyStack();
        return PostgresCluster.Builder.create(stack, "sessions-db").database(db).app(frankfurtApp(stack)).build();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    @Test
    void thePrimaryRegionsClusterIsCreatedWithInitdbAndNamesItselfPrimary() {
        PostgresCluster db = paris(sessions().build());
        JsonNode cluster = yaml(db, "cluster.yaml");

        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.path("metadata").path("name").asText()).isEqualTo("sessions-eu-west-par");
        assertThat(cluster.path("metadata").path("namespace").asText()).isEqualTo("orders");
        JsonNode spec = cluster.path("spec");
        assertThat(spec.path("instances").asInt()).isEqualTo(2);
        assertThat(spec.path("bootstrap").path("initdb").path("secret").path("name").asText()).isEqualTo("sessions-app");
        assertThat(spec.path("bootstrap").has("recovery")).isFalse();
        assertThat(spec.path("replica").path("primary").asText()).isEqualTo("sessions-eu-west-par");
        assertThat(spec.path("replica").path("source").asText()).isEqualTo("sessions-de1");
        assertThat(texts(spec.path("externalClusters"), "name")).containsExactly("sessions-eu-west-par", "sessions-de1");
        assertThat(spec.path("postgresql").path("parameters").path("archive_timeout").asText()).isEqualTo("300s");
        assertThat(db.isPrimary()).isTrue();
    }

    @Test
    void theStandbyRegionsClusterRecoversFromThePeersArchiveAndFollowsIt() {
        JsonNode spec = yaml(frankfurt(sessions().build()), "cluster.yaml").path("spec");

        assertThat(spec.path("bootstrap").path("recovery").path("source").asText()).isEqualTo("sessions-eu-west-par");
        assertThat(spec.path("bootstrap").has("initdb")).isFalse();
        assertThat(spec.path("replica").path("primary").asText()).isEqualTo("sessions-eu-west-par");
        assertThat(spec.path("replica").path("source").asText()).isEqualTo("sessions-eu-west-par");
        JsonNode peer = spec.path("externalClusters").get(1);
        assertThat(peer.path("plugin").path("parameters").path("barmanObjectName").asText()).isEqualTo("sessions-eu-west-par");
        assertThat(peer.has("connectionParameters")).as("archive only: no streaming").isFalse();
    }

    @Test
    void thePluginArchivesWalToTheOwnObjectStoreWhichLivesInThePeerRegion() {
        PostgresCluster db = paris(sessions().build());
        JsonNode plugin = yaml(db, "cluster.yaml").path("spec").path("plugins").get(0);
        assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
        assertThat(plugin.path("parameters").path("barmanObjectName").asText()).isEqualTo("sessions-eu-west-par");

        JsonNode own = yaml(db, "objectstore-sessions-eu-west-par.yaml");
        assertThat(own.path("apiVersion").asText()).isEqualTo("barmancloud.cnpg.io/v1");
        assertThat(own.path("spec").path("configuration").path("destinationPath").asText())
                .isEqualTo("s3://sessions-wal-eu-west-par/");
        assertThat(own.path("spec").path("configuration").path("endpointURL").asText())
                .isEqualTo("https://s3.de.io.cloud.ovh.net");
        assertThat(own.path("spec").path("retentionPolicy").asText()).isEqualTo("30d");
        JsonNode peer = yaml(db, "objectstore-sessions-de1.yaml");
        assertThat(peer.path("spec").path("configuration").path("endpointURL").asText())
                .isEqualTo("https://s3.eu-west-par.io.cloud.ovh.net");
        assertThat(peer.path("spec").has("retentionPolicy")).as("only the writer prunes its archive").isFalse();
        assertThat(own.path("spec").path("instanceSidecarConfiguration").path("env").get(0).path("name").asText())
                .isEqualTo("AWS_REQUEST_CHECKSUM_CALCULATION");
        assertThat(own.path("spec").path("configuration").path("s3Credentials").path("accessKeyId").path("name").asText())
                .isEqualTo("sessions-object-store");
    }

    @Test
    void noSecretValueIsWrittenOnlySecretReferences() {
        PostgresCluster db = paris(streaming().build());
        for (String path : db.manifestPaths()) {
            assertThat(file(db, path)).doesNotContainIgnoringCase("password:").doesNotContain("kind: Secret");
        }
    }

    @Test
    void instancesSpreadOverZonesWhereTheRegionHasThemAndAlwaysOverNodes() {
        JsonNode paris = yaml(paris(sessions().build()), "cluster.yaml").path("spec");
        assertThat(paris.path("topologySpreadConstraints").get(0).path("topologyKey").asText())
                .isEqualTo("topology.kubernetes.io/zone");
        assertThat(paris.path("affinity").path("podAntiAffinityType").asText()).isEqualTo("required");
        JsonNode frankfurt = yaml(frankfurt(sessions().build()), "cluster.yaml").path("spec");
        assertThat(frankfurt.has("topologySpreadConstraints")).isFalse();
        assertThat(frankfurt.path("affinity").path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    }

    @Test
    void aScheduledBackupUsesThePlugin() {
        JsonNode backup = yaml(paris(sessions().build()), "scheduled-backup.yaml").path("spec");
        assertThat(backup.path("schedule").asText()).isEqualTo("0 0 2 * * *");
        assertThat(backup.path("method").asText()).isEqualTo("plugin");
        assertThat(backup.path("pluginConfiguration").path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(backup.path("cluster").path("name").asText()).isEqualTo("sessions-eu-west-par");
    }

    @Test
    void streamingAddsTheLoadBalancedRwServiceAndStreamsFromThePeersFixedAddress() {
        PostgresCluster db = frankfurt(streaming().build());
        JsonNode service = yaml(db, "rw-service.yaml");
        assertThat(service.path("spec").path("type").asText()).isEqualTo("LoadBalancer");
        assertThat(service.path("spec").path("loadBalancerIP").asText()).isEqualTo("10.20.255.250");
        assertThat(service.path("metadata").path("annotations")
                .path("service.beta.kubernetes.io/openstack-internal-load-balancer").asText()).isEqualTo("true");
        assertThat(service.path("spec").path("selector").path("cnpg.io/instanceRole").asText()).isEqualTo("primary");
        JsonNode peer = yaml(db, "cluster.yaml").path("spec").path("externalClusters").get(1);
        assertThat(peer.path("connectionParameters").path("host").asText()).isEqualTo("10.10.255.250");
        assertThat(peer.path("connectionParameters").path("user").asText()).isEqualTo("streaming_replica");
        assertThat(peer.path("connectionParameters").path("application_name").asText()).isEqualTo("sessions-de1");
        assertThat(peer.path("sslCert").path("name").asText()).isEqualTo("sessions-eu-west-par-replication");
        assertThat(db.rwAddress()).contains("10.20.255.250");
        assertThat(db.connectionString()).isEqualTo(
                "postgresql://sessions-de1-rw.orders.svc:5432,10.10.255.250:5432/app?target_session_attrs=read-write");
    }

    @Test
    void archiveOnlyConnectsToTheLocalReadWriteServiceOnly() {
        PostgresCluster db = frankfurt(sessions().build());
        assertThat(db.connectionString())
                .isEqualTo("postgresql://sessions-de1-rw.orders.svc:5432/app?target_session_attrs=read-write");
        assertThat(db.rwAddress()).isEmpty();
        assertThat(db.manifestPaths()).doesNotContain("postgres/rw-service.yaml");
    }

    @Test
    void synchronousMakesThePeerTheFirstSynchronousStandbyAndNeverDropsToAsync() {
        JsonNode sync = yaml(paris(streaming().replicationMode(ReplicationMode.SYNCHRONOUS).build()), "cluster.yaml")
                .path("spec").path("postgresql").path("synchronous");
        assertThat(sync.path("method").asText()).isEqualTo("first");
        assertThat(sync.path("number").asInt()).isEqualTo(1);
        assertThat(sync.path("standbyNamesPre").get(0).asText()).isEqualTo("sessions-de1");
        assertThat(sync.path("dataDurability").asText()).isEqualTo("required");
    }

    @Test
    void theOperatorReleasesArePinnedInTheirOwnFolderInInstallOrder() {
        PostgresCluster db = paris(sessions().build());
        assertThat(db.manifestPaths()).contains("postgres/kustomization.yaml",
                "postgres-operator/1-cert-manager/kustomization.yaml",
                "postgres-operator/2-cloudnative-pg/kustomization.yaml",
                "postgres-operator/3-plugin-barman-cloud/kustomization.yaml");
        assertThat(file(db, "postgres-operator/2-cloudnative-pg/kustomization.yaml"))
                .contains("releases/cnpg-1.30.0.yaml").contains("Step 2 of 3");
        assertThat(file(db, "postgres-operator/3-plugin-barman-cloud/kustomization.yaml"))
                .contains("/download/v0.14.0/manifest.yaml");
        assertThat(file(db, "postgres/kustomization.yaml")).contains("cluster.yaml", "scheduled-backup.yaml");
    }

    @Test
    void kubernetesOlderThanOneThirtyFourIsRefused() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster app = K8sFixtures.cluster(stack).kubernetesVersion("1.33").build();
        Rejections.assertRejected(() -> PostgresCluster.Builder.create(stack, "db").database(sessions().build()).app(app)
                .build(), "db", "app.kubernetesVersion", "1.33", "supports Kubernetes 1.34–1.36");
    }

    @Test
    void aClusterOutsideTheDatabasesRegionsIsRefused() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster app = K8sFixtures.cluster(stack).kubernetesVersion("1.34").build();
        Rejections.assertRejected(() -> PostgresCluster.Builder.create(stack, "db")
                .database(sessions().regions("GRA11", FRANKFURT).primaryRegion("GRA11").build()).app(app).build(),
                "db", "app", "EU-WEST-PAR", "not one of the database's regions");
    }

    @Test
    void aPromotionTokenOnlyGoesOnTheRegionBeingPromoted() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster app = frankfurtApp(stack);
        Rejections.assertRejected(() -> PostgresCluster.Builder.create(stack, "db").database(sessions().build()).app(app)
                .promotionToken(token()).build(), "db", "promotionToken", "(token)", "only allowed on the cluster being promoted");
        PostgresCluster promoted = PostgresCluster.Builder.create(stack, "promoted")
                .database(sessions().primaryRegion(FRANKFURT).build()).app(app).manifestFolder("promoted")
                .operatorFolder("promoted-operator").promotionToken(token()).build();
        assertThat(promoted.manifests()).isNotEmpty();
        assertThat(file(promoted, "promoted/cluster.yaml")).contains("promotionToken: " + token());
    }

    @Test
    void theStreamingAddressMustBeAFixedAddressOfTheRegionsSubnet() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sAppCluster app = parisApp(stack);
        Rejections.assertRejected(() -> PostgresCluster.Builder.create(stack, "db").database(streaming()
                .streamingAddresses(java.util.Map.of(PARIS, "10.11.0.5", FRANKFURT, "10.20.255.250")).build()).app(app)
                .build(), "db", "database.streamingAddresses[EU-WEST-PAR]", "10.11.0.5", "is not one of EU-WEST-PAR's fixed addresses 10.10.255.240–10.10.255.254");
        Rejections.assertRejected(() -> PostgresCluster.Builder.create(stack, "db2").database(streaming()
                .streamingAddresses(java.util.Map.of(PARIS, "10.10.0.5", FRANKFURT, "10.20.255.250")).build()).app(app)
                .build(), "db2", "database.streamingAddresses[EU-WEST-PAR]", "10.10.0.5", "which DHCP does not hand out");
    }

    @Test
    void theAppIsWiredToTheRegionsPrimaryThroughLibpqVariablesAndTheOwnersSecret() {
        TerraformStack stack = TestStacks.emptyStack();
        PostgresDatabaseProps db = streaming().build();
        K8sAppCluster app = K8sFixtures.oneZoneCluster(stack).kubernetesVersion("1.35")
                .app(K8sFixtures.app().postgres(db.wiring(FRANKFURT, "orders")).build()).build();
        PostgresCluster cluster = PostgresCluster.Builder.create(stack, "db").database(db).app(app).build();

        assertThat(cluster.wiring()).isEqualTo(db.wiring(FRANKFURT, "orders"));
        JsonNode env = K8sFixtures.yaml(app, "deployment.yaml").path("spec").path("template").path("spec")
                .path("containers").get(0).path("env");
        java.util.Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        env.forEach(e -> byName.put(e.path("name").asText(), e));
        assertThat(byName.get("PGHOST").path("value").asText()).isEqualTo("sessions-de1-rw.orders.svc,10.10.255.250");
        assertThat(byName.get("PGTARGETSESSIONATTRS").path("value").asText()).isEqualTo("read-write");
        assertThat(byName.get("PGDATABASE").path("value").asText()).isEqualTo("app");
        assertThat(byName.get("TANDEM_POSTGRES_URL").path("value").asText()).isEqualTo(cluster.connectionString());
        JsonNode password = byName.get("PGPASSWORD").path("valueFrom").path("secretKeyRef");
        assertThat(password.path("name").asText()).isEqualTo("sessions-app");
        assertThat(password.path("key").asText()).isEqualTo("password");
        assertThat(byName.get("PGPASSWORD").has("value")).isFalse();
    }

    @Test
    void anAppWiredToAnotherRegionsDatabaseIsRefused() {
        TerraformStack stack = TestStacks.emptyStack();
        PostgresDatabaseProps db = sessions().build();
        K8sAppCluster app = K8sFixtures.oneZoneCluster(stack).kubernetesVersion("1.35")
                .app(K8sFixtures.app().postgres(db.wiring(PARIS, "orders")).build()).build();
        Rejections.assertRejected(() -> PostgresCluster.Builder.create(stack, "db").database(db).app(app).build(),
                "db", "app.postgres", db.wiring(PARIS, "orders").url(), "is not this cluster's wiring");
    }

    /** A well-formed demotion token, as CloudNativePG encodes pg_controldata. */
    static String token() {
        String json = "{\"latestCheckpointTimelineID\":\"1\",\"redoWalFile\":\"000000010000000000000003\","
                + "\"databaseSystemIdentifier\":\"7300000000000000000\",\"latestCheckpointREDOLocation\":\"0/3000028\","
                + "\"timeOfLatestCheckpoint\":\"Mon Dec 7 15:00:00 2026\",\"operatorVersion\":\"1.30.0\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
