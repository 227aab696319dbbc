package dev.tandem.constructs.haproxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The one-line OpenSSH public key format: {@code <type> <base64 key blob> [comment]}, whose blob starts
 * with the type again as a length-prefixed string (RFC 4253 §6.6). Types are those OpenSSH generates
 * today: Ed25519 (RFC 8709), ECDSA (RFC 5656), RSA, and the FIDO security-key types of OpenSSH's
 * PROTOCOL.u2f. DSA is refused: OpenSSH disabled it by default in 7.0 and removed it in 9.8.
 */
final class OpenSshPublicKey {
    static final Set<String> TYPES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-rsa", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final String TYPE_LIST = "ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa, "
            + "sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com";
    private static final int SHOWN = 24;

    private OpenSshPublicKey() {
    }

    /** @return what is wrong with {@code text} as a public key line, or empty when it is one */
    static Optional<String> problem(String text) {
        if (text.contains("PRIVATE KEY")) {
            return Optional.of("must be the public key (the .pub file), never the private key");
        }
        String line = text.strip();
        if (line.contains("\n") || line.contains("\r")) {
            return Optional.of("must be one line");
        }
        String[] fields = line.split("\\s+", 3);
        if (!TYPES.contains(fields[0])) {
            return Optional.of("must start with a key type OpenSSH supports: " + TYPE_LIST);
        }
        if (fields.length < 2 || !blobStartsWith(fields[1], fields[0])) {
            return Optional.of("must have the base64 key of a " + fields[0] + " key after its type");
        }
        return Optional.empty();
    }

    /** @return the start of the key, enough to recognise it without a long blob in the message */
    static String shown(String text) {
        if (text.contains("PRIVATE KEY")) {
            return "a private key (not shown)";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= SHOWN ? text : line.substring(0, SHOWN) + "…";
    }

    private static boolean blobStartsWith(String base64, String type) {
        try {
            ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
            int length = blob.getInt();
            if (length != type.length() || blob.remaining() <= length) {
                return false;
            }
            byte[] name = new byte[length];
            blob.get(name);
            return new String(name, StandardCharsets.US_ASCII).equals(type);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            return false;
        }
    }
}
