package dev.tandem.constructs.access;

/**
 * One access key of a region's app identity, named so that rotation is a change of the key list:
 * IAM allows two keys per user, so a rotation adds the second key, moves the pods to it, makes the
 * first inactive, then removes it (docs/rotation.md, "The app's AWS key").
 *
 * @param name   a short label, part of the key's construct id and its outputs' names, e.g. {@code a}
 * @param status whether AWS accepts the key
 */
public record AccessKey(String name, AccessKeyStatus status) {

    /**
     * @param name a short label: lower-case letters and digits, e.g. {@code a}
     * @return an active key
     */
    public static AccessKey active(String name) {
        return new AccessKey(name, AccessKeyStatus.ACTIVE);
    }

    /**
     * @param name the label of a key that exists
     * @return that key, made inactive (requests signed with it fail; reversible until it is removed)
     */
    public static AccessKey inactive(String name) {
        return new AccessKey(name, AccessKeyStatus.INACTIVE);
    }
}
