package dev.tandem.props;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a props record whose builder is generated: {@code <Record>Settings<B>}, one setter per
 * component, documented with the component's {@code @param} text (its {@code @default} included).
 *
 * <pre>{@code
 * @Settings
 * public record TableReplicaProps(@Default("true") boolean propagateTags, Optional<String> kmsKeyArn) {
 *     public abstract static class BuilderBase<B extends BuilderBase<B>> extends TableReplicaPropsSettings<B> {
 *     }
 * }
 * }</pre>
 *
 * <p>An {@code Optional<T>} component is set with a {@code T} ({@code null} or unset means empty); a boxed
 * type ({@code Integer}, or the {@code T} of an {@code Optional<Integer>}) is set unboxed; any other
 * component is set as declared. The generated class has
 * {@code props()} (the record as set so far) and {@code from(record)} (every setting copied, for
 * {@code toBuilder()}).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Settings {
}
