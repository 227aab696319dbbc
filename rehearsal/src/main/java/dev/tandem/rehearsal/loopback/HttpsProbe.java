package dev.tandem.rehearsal.loopback;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A client of the tier's HTTPS frontend as Cloudflare is one: it trusts the origin's CA, may present a
 * client certificate, may connect from another loopback source address, and sends one HTTP/1.1 request
 * with a {@code Host} header per connection.
 */
public final class HttpsProbe {
    private static final int TIMEOUT_MS = 10_000;

    private final SSLContext tls;
    private final InetAddress source;

    private HttpsProbe(SSLContext tls, InetAddress source) {
        this.tls = tls;
        this.source = source;
    }

    /**
     * @param trusted     the CA of the origin's certificate
     * @param client      a PKCS#12 client certificate and key, if the client presents one
     * @param source      the loopback address the client connects from
     * @return the client
     */
    public static HttpsProbe of(Path trusted, Optional<Path> client, String source) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(trusted)) {
            trust.setCertificateEntry("origin-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        if (client.isPresent()) {
            try (InputStream in = Files.newInputStream(client.get())) {
                keys.load(in, TestPki.PASSWORD.toCharArray());
            }
        } else {
            keys.load(null, null);
        }
        kmf.init(keys, TestPki.PASSWORD.toCharArray());
        X509KeyManager keyManager = (X509KeyManager) kmf.getKeyManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {client.isPresent() ? new AlwaysPresent(keyManager) : keyManager},
                tmf.getTrustManagers(), null);
        return new HttpsProbe(context, InetAddress.getByName(source));
    }

    /**
     * Presents the client certificate whatever CAs the server names as acceptable, as a peer that holds one
     * certificate does: Java's own key manager would send none when its issuer is not named, which would
     * hide whether HAProxy itself refuses a certificate from another CA.
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509KeyManager keys;
        private final String alias;

        AlwaysPresent(X509KeyManager keys) {
            this.keys = keys;
            this.alias = keys.getClientAliases("EC", null)[0];
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String name) {
            return keys.getCertificateChain(name);
        }

        @Override
        public PrivateKey getPrivateKey(String name) {
            return keys.getPrivateKey(name);
        }
    }

    /** @return the answer to {@code GET path} with {@code Host: host}, or status 0 with the error */
    public HttpProbe.Response get(int port, String path, String host) {
        return get(port, path, host, host);
    }

    /**
     * @param sni  the TLS server name sent; the origin's certificate is still checked against {@code host}
     * @return the answer to {@code GET path} with {@code Host: host}, or status 0 with the error
     */
    public HttpProbe.Response get(int port, String path, String sni, String host) {
        return get(InetAddress.getLoopbackAddress(), port, path, sni, host, TIMEOUT_MS, TIMEOUT_MS);
    }

    /**
     * @param address   where the origin listens
     * @param connectMs how long to wait for the TCP connection
     * @param answerMs  how long to wait, once connected, for each read of the handshake and the answer
     * @return the answer to {@code GET path} with {@code Host: host}, or status 0 with the error
     */
    public HttpProbe.Response get(InetAddress address, int port, String path, String sni, String host, int connectMs,
            int answerMs) {
        long start = System.nanoTime();
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(source, 0));
            plain.connect(new InetSocketAddress(address, port), connectMs);
            plain.setSoTimeout(answerMs);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(java.util.List.of(new SNIHostName(sni)));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!answer.startsWith("HTTP/") || answer.length() < 12) {
                    throw new EOFException("no HTTP answer before the connection closed");
                }
                int status = Integer.parseInt(answer.substring(9, 12));
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                return new HttpProbe.Response(status, body.trim(), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            return new HttpProbe.Response(0, e.toString(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
