package dev.tandem.constructs.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one shape every validation message must have: path, property, value, why, and a fix. */
public final class Rejections {
    private Rejections() {
    }

    /**
     * Asserts that {@code build} fails validation with a message naming {@code path},
     * {@code property = value}, containing {@code why}, and offering a fix.
     */
    public static void assertRejected(ThrowingCallable build, String path, String property, String value,
            String why) {
        assertThatThrownBy(build)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(path + ": ")
                .hasMessageContaining(property + " = " + value)
                .hasMessageContaining(why)
                .hasMessageContaining("Fix: ");
    }
}
