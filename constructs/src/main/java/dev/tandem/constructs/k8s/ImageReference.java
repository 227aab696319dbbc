package dev.tandem.constructs.k8s;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference split into repository, tag and digest, after the distribution
 * reference grammar ({@code [registry[:port]/]path[:tag][@sha256:hex]}).
 *
 * @param repository registry and path
 * @param tag        tag, if any
 * @param digest     {@code sha256:…} digest, if any
 */
record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {
    private static final Pattern REFERENCE = Pattern.compile(
            "^((?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._/-][a-z0-9]+)*)"
                    + "(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$");

    /** @return the parts, or empty when {@code image} is not an image reference */
    static Optional<ImageReference> parse(String image) {
        Matcher m = image == null ? null : REFERENCE.matcher(image);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(m.group(1), Optional.ofNullable(m.group(2)),
                Optional.ofNullable(m.group(3))));
    }

    /** @return true when the reference names an exact image: a digest, or at least a tag */
    boolean isPinned() {
        return tag.isPresent() || digest.isPresent();
    }

    /** @return true for {@code :latest} without a digest, which moves under a running Deployment */
    boolean isFloatingLatest() {
        return digest.isEmpty() && tag.filter("latest"::equals).isPresent();
    }
}
