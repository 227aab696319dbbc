package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * The SSH key installed on the tier's instances: one already registered in the OVH project, or one
 * the instances register from a public key.
 *
 * @param name      key name in the OVH project
 * @param publicKey the OpenSSH public key to register, or empty to use an existing key
 */
public record SshKey(String name, Optional<String> publicKey) {

    /** @return a key already registered in the project under {@code name} */
    public static SshKey existing(String name) {
        return new SshKey(name, Optional.empty());
    }

    /** @return a key registered under {@code name} from {@code publicKey} (e.g. {@code ssh-ed25519 AAAA…}) */
    public static SshKey create(String name, String publicKey) {
        return new SshKey(name, Optional.of(publicKey));
    }
}
