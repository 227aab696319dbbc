package dev.tandem.e2e.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.e2e.SynthesizedDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No private key in a file the synth writes or the repository keeps: keys live in Terraform state and reach
 * the instances through the delivery only. Base64 text (user data) is decoded before it is searched.
 */
class SecretsTest {
    /**
     * A PEM block's armour followed by its base64 body (a line break, raw or as JSON's {@code \\n}): a
     * validation message naming the armour, e.g. "must be PEM text with a -----BEGIN PRIVATE KEY----- line",
     * is no key.
     */
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----(\\\\n|\\n)"
            + "[A-Za-z0-9+/]{16}");
    private static final String PASSWORD = "HAPROXY_STATS_PASSWORD=";
    /** bcrypt hashes (the stats password's): the deliveries compute one at apply, never at synth. */
    private static final List<String> HASHES = List.of("$2a$", "$2b$");
    private static final Pattern BASE64 = Pattern.compile("\"([A-Za-z0-9+/]{200,}={0,2})\"");

    private static List<Path> files(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file's text with every long base64 string decoded beside it */
    private static String searchable(Path file) throws IOException {
        String text = Files.readString(file);
        StringBuilder out = new StringBuilder(text);
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            out.append('\n').append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static void assertNoSecret(Path root) throws IOException {
        List<Path> files = files(root);
        assertThat(files).as("files under %s", root).isNotEmpty();
        for (Path file : files) {
            String text = searchable(file);
            assertThat(PEM.matcher(text).find()).as("%s holds a PEM key or certificate", root.relativize(file)).isFalse();
            assertThat(text).as("%s", root.relativize(file)).doesNotContain(PASSWORD).doesNotContain(HASHES);
        }
    }

    @Test
    void theSynthesizedTreeHoldsNoKeyCertificateOrPassword() throws IOException {
        assertNoSecret(SynthesizedDeployment.outdir());
    }

    @Test
    void theSearchFindsAKeyInJsonOrYamlButNotAMessageNamingItsArmour() {
        assertThat(PEM.matcher("\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\"").find()).isTrue();
        assertThat(PEM.matcher("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU").find()).isTrue();
        assertThat(PEM.matcher("must be PEM text with a -----BEGIN PRIVATE KEY----- line").find()).isFalse();
    }

    @Test
    void theSnapshotsHoldNoKeyCertificateOrPassword() throws IOException {
        assertNoSecret(Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize().resolve("snapshots"));
    }

    @Test
    void theKeyReachesTheInstancesOnlyAsAReferenceInTheDelivery() throws IOException {
        String primary = Files.readString(SynthesizedDeployment.outdir().resolve("stacks/primary/cdk.tf.json"));

        Matcher key = Pattern.compile("tls_private_key\\.[A-Za-z0-9_-]+\\.private_key_pem").matcher(primary);
        List<String> uses = key.results().map(r -> r.group()).toList();
        assertThat(uses).as("the key feeds the request and the two deliveries' origin.pem").hasSize(3);
    }
}
