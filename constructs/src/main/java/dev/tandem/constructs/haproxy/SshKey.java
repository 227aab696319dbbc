package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.TerraformReferences;
import dev.tandem.constructs.core.Problems;
import java.util.Optional;

/**
 * The SSH key installed on the tier's instances: one already registered in the OVH project
 * ({@link #existing(String)}), or one the instances register from an OpenSSH public key
 * ({@link #create(String, String)}). Either value may be a Terraform reference, e.g. the
 * {@code public_key_openssh} of a generated key.
 */
public sealed interface SshKey permits SshKey.Existing, SshKey.Created {

    /**
     * @param name key name in the OVH project
     * @return a key already registered in the project under {@code name}
     */
    static SshKey existing(String name) {
        return new Existing(name);
    }

    /**
     * @param name      name to register the key under in the OVH project
     * @param publicKey one OpenSSH public key line, e.g. the content of {@code id_ed25519.pub}
     *                  ({@code ssh-ed25519 AAAA… comment})
     * @return a key the instances register
     */
    static SshKey create(String name, String publicKey) {
        return new Created(name, publicKey);
    }

    /** @return the key's name in the OVH project */
    String name();

    /** @return the public key to register, or empty for an existing key */
    Optional<String> publicKey();

    /**
     * Checks the key; the tier calls it with {@code p.nested("sshKey")}.
     *
     * @param p where problems are recorded
     */
    void validate(Problems p);

    private static void validateName(Problems p, String name) {
        if (p.present(name, "name", "name the key as it is (or will be) registered in the OVH project")
                && !TerraformReferences.isReference(name)) {
            p.require(!name.isBlank() && name.strip().equals(name), "name", name,
                    "must not be blank nor start or end with spaces", "use the key's name, e.g. ops");
        }
    }

    /**
     * A key already registered in the OVH project.
     *
     * @param name its name there
     */
    record Existing(String name) implements SshKey {
        @Override
        public Optional<String> publicKey() {
            return Optional.empty();
        }

        @Override
        public void validate(Problems p) {
            validateName(p, name);
        }
    }

    /**
     * A key the instances register in the OVH project.
     *
     * @param name       name to register it under
     * @param openSshKey the OpenSSH public key line
     */
    record Created(String name, String openSshKey) implements SshKey {
        @Override
        public Optional<String> publicKey() {
            return Optional.ofNullable(openSshKey);
        }

        @Override
        public void validate(Problems p) {
            validateName(p, name);
            String fix = "paste one line of your .pub file, e.g. `cat ~/.ssh/id_ed25519.pub`";
            if (p.present(openSshKey, "publicKey", fix) && !TerraformReferences.isReference(openSshKey)) {
                OpenSshPublicKey.problem(openSshKey).ifPresent(
                        why -> p.add("publicKey", OpenSshPublicKey.shown(openSshKey), why, fix));
            }
        }
    }
}
