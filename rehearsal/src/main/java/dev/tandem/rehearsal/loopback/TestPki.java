package dev.tandem.rehearsal.loopback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificates made with {@code openssl} for the loopback drills and the rehearsal (ECDSA P-256, valid
 * one day): a CA that plays the deployment's origin-pull CA ({@code OriginPullTrust}) and the client certificate it
 * signs (what the zone presents), a stranger CA with its own client certificate (another zone's), and a CA that
 * plays Cloudflare's Origin CA with the origin's server certificate for the edge's host name.
 */
public final class TestPki {
    public static final String PASSWORD = "tandem-test";
    public static final String HOSTNAME = "app.example.com";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** @return the certificates for {@link #HOSTNAME}, written into {@code dir} */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        return create(dir, HOSTNAME);
    }

    /** @return the certificates, the origin's for {@code hostname}, written into {@code dir} */
    public static TestPki create(Path dir, String hostname) throws IOException, InterruptedException {
        TestPki pki = new TestPki(Files.createDirectories(dir));
        pki.ca("pull-ca");
        pki.ca("stranger-ca");
        pki.ca("origin-ca");
        pki.leaf("cloudflare-client", "pull-ca", "Cloudflare edge", "clientAuth");
        pki.leaf("stranger-client", "stranger-ca", "someone else", "clientAuth");
        pki.leaf("origin", "origin-ca", hostname, "serverAuth");
        for (String client : List.of("cloudflare-client", "stranger-client")) {
            pki.openssl("pkcs12", "-export", "-in", client + ".pem", "-inkey", client + ".key", "-out", client + ".p12",
                    "-passout", "pass:" + PASSWORD);
        }
        return pki;
    }

    /** @return the PEM of what the tier serves: the origin certificate, then its key, as the delivery writes it */
    public String originPem() throws IOException {
        return Files.readString(dir.resolve("origin.pem")) + Files.readString(dir.resolve("origin.key"));
    }

    /** @return the CA that plays the deployment's origin-pull CA: what the delivery uploads as origin-pull-ca.pem */
    public Path pullCa() {
        return dir.resolve("pull-ca.pem");
    }

    /** @return the CA the clients trust for the origin's certificate */
    public Path originCa() {
        return dir.resolve("origin-ca.pem");
    }

    /** @return the zone's client certificate with its key, PKCS#12 */
    public Path cloudflareClient() {
        return dir.resolve("cloudflare-client.p12");
    }

    /** @return a client certificate from a CA the tier does not trust, PKCS#12 */
    public Path strangerClient() {
        return dir.resolve("stranger-client.p12");
    }

    private void ca(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
                "-subj", "/CN=" + name, "-keyout", name + ".key", "-out", name + ".pem");
    }

    private void leaf(String name, String ca, String commonName, String usage) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), "extendedKeyUsage=" + usage + "\nsubjectAltName=DNS:"
                + (usage.equals("serverAuth") ? commonName : "client.invalid") + "\n");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
                "/CN=" + commonName, "-keyout", name + ".key", "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                "-days", "1", "-extfile", name + ".ext", "-out", name + ".pem");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Path log = dir.resolve("openssl.log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl is not installed (Debian: apt-get install -y openssl); the"
                    + " loopback certificates are made with it", e);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }
}
