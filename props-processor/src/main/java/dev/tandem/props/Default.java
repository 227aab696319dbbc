package dev.tandem.props;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a {@link Settings} component has when its setter is not called: a Java expression,
 * compiled in the record's package with the record's imports, e.g. {@code @Default("Billing.onDemand()")}.
 * Without it a component starts as Java's default ({@code null}, {@code false}, {@code 0}, empty).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    /** @return the expression */
    String value();
}
