package dev.tandem.constructs.haproxy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Public keys for tests: real ones from ssh-keygen (OpenSSH 9.2), security-key ones assembled by format. */
final class SshPublicKeys {
    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILUhjYYFVQC8dpEywTUZ+nX44o+iOBbky1maCSWEhz2a test@tandem";
    static final String ECDSA_P256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLhlwx"
            + "E5ZsNDjYO11P3jS6kdrrmb43WM0SyH4+k6Zhm6nuvwJwFxljERJGtf6peYdhuebUt6QToSLf+cccdKJkA= test@tandem";
    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC3zTHszItuZrg8+1BcJQw3TqzGxmeBhnPXU8vtgbS"
            + "XW8oI4OLabzzhqV3SF8zxlM7fGOAJXlyoKm4FpA1GmOpqtxjbgXOF3sb3GoIPj2c6tijctVVxXEPak/pIV/7NtEO7O63gPPAcHFq"
            + "RT9XN65Pr+w6QpHijSKEWA1iaDXh6O52m3kcXeO74bOHuT5QJvuwLzojrH9IWsRh3Coikd+vXNtD1TtVg8KF+Qu1HiqC1q/LlJgA"
            + "w+sPurPsthQTcSPZpNzQxO+txjY4FZOZ7Ay0q+SYWa3idXs3QnFbWU6MmduwVYe3EnQAxC9HfaKnz4tLmQZ8JnfTj+sfVH/ZLPpS"
            + "h test@tandem";
    /** PROTOCOL.u2f: string type, string public key (32 bytes), string application. */
    static final String SK_ED25519 = "sk-ssh-ed25519@openssh.com "
            + blob("sk-ssh-ed25519@openssh.com", new byte[32], "ssh:".getBytes(StandardCharsets.US_ASCII)) + " yubikey";
    /** PROTOCOL.u2f: string type, string curve, string point (65 bytes, uncompressed), string application. */
    static final String SK_ECDSA = "sk-ecdsa-sha2-nistp256@openssh.com " + blob("sk-ecdsa-sha2-nistp256@openssh.com",
            "nistp256".getBytes(StandardCharsets.US_ASCII), new byte[65], "ssh:".getBytes(StandardCharsets.US_ASCII));

    private SshPublicKeys() {
    }

    /** @return the base64 of a key blob: each part as an SSH string (uint32 length, bytes) after the type */
    static String blob(String type, byte[]... parts) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            byte[] name = type.getBytes(StandardCharsets.US_ASCII);
            out.writeInt(name.length);
            out.write(name);
            for (byte[] part : parts) {
                out.writeInt(part.length);
                out.write(part);
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
