package dev.tandem.e2e.strings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.core.ValidationException;
import dev.tandem.e2e.strings.UserStringsTest.SetterCase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every missing or extreme value a user can hand a builder is a Tandem error or a documented default,
 * never a {@code NullPointerException}, an overflow or a jsii error from deep inside a synth: each
 * object-typed setter of every public builder (found by reflection, see {@link StringProps#objectSetters})
 * is given {@code null}, each list or map setter a list holding {@code null} or a map with a {@code null}
 * value, each duration zero, negative, a nanosecond and the longest {@code Duration}, each number its
 * type's extremes; then the fixture's deployment is synthesized. A new setter is covered without a new case.
 */
class ExtremeValuesTest {
    @TempDir
    Path tmp;

    @Test
    void everyBuilderWithSettersHasAFixture() {
        assertThat(Stream.concat(StringProps.objectSetters().stream(), StringProps.numberSetters().stream())
                .map(m -> StringProps.name(m.getDeclaringClass())).distinct())
                .as("a builder needs an entry in StringFixtures.builders()")
                .allMatch(StringFixtures.builders()::containsKey);
        assertThat(StringProps.objectSetters()).as("the search finds setters").hasSizeGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMissingOrExtremeValueIsRefusedAsATandemErrorOrTakenAsTheDefault(SetterCase c) {
        StringFixtures.Fixture fixture = StringFixtures.builders().get(StringProps.name(c.method().getDeclaringClass()));
        Throwable thrown = null;
        try {
            fixture.synthesize(c::applyTo, tmp.resolve("cdktf.out"));
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown != null) {
            assertThat(thrown).as("%s: refused as a Tandem error", c).isInstanceOf(ValidationException.class);
            assertThat(thrown.getMessage()).as(c.toString()).contains("Fix: ").doesNotContain("\n    at ");
        }
    }

    @ParameterizedTest(name = "{0} ← null")
    @MethodSource("dev.tandem.e2e.strings.UserStringsTest#factoryKeys")
    void aMissingFactoryArgumentIsRefusedAsATandemError(String key) {
        Throwable thrown = null;
        try {
            StringFixtures.factories().get(key).accept(null, tmp.resolve("cdktf.out"));
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("%s ← null: refused", key).isInstanceOf(ValidationException.class);
        assertThat(thrown.getMessage()).as(key).contains("Fix: ").doesNotContain("\n    at ");
    }

    static Stream<SetterCase> cases() {
        List<SetterCase> cases = new ArrayList<>();
        for (Method m : StringProps.numberSetters()) {
            Class<?> type = m.getParameterTypes()[0];
            if (type == int.class || type == Integer.class) {
                for (int v : new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}) {
                    cases.add(new SetterCase(m, Integer.toString(v), v));
                }
            } else if (type == long.class || type == Long.class) {
                for (long v : new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}) {
                    cases.add(new SetterCase(m, Long.toString(v), v));
                }
            } else if (type == double.class || type == Double.class) {
                for (double v : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -1, 0, Double.MAX_VALUE}) {
                    cases.add(new SetterCase(m, Double.toString(v), v));
                }
            }
        }
        for (Method m : StringProps.objectSetters()) {
            Class<?> type = m.getParameterTypes()[0];
            cases.add(new SetterCase(m, "null", null));
            if (type == Duration.class) {
                cases.add(new SetterCase(m, "0 s", Duration.ZERO));
                cases.add(new SetterCase(m, "-1 s", Duration.ofSeconds(-1)));
                cases.add(new SetterCase(m, "1 ns", Duration.ofNanos(1)));
                cases.add(new SetterCase(m, "longest", Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
            }
            if (type == List.class) {
                cases.add(new SetterCase(m, "[null]", Collections.singletonList(null)));
            } else if (type == Map.class) {
                Map<Object, Object> map = new HashMap<>();
                map.put("tandem-sessions", null); // a table name: the one map keyed by something else than tags
                cases.add(new SetterCase(m, "{k=null}", map));
            }
        }
        return cases.stream();
    }

    static boolean isNumberSetter(Method m) {
        return !Modifier.isStatic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic() && m.getParameterCount() == 1
                && m.getDeclaringClass() != Object.class && List.of(int.class, long.class, double.class, Integer.class, Long.class, Double.class)
                        .contains(m.getParameterTypes()[0]);
    }

    static boolean isObjectSetter(Method m) {
        return !Modifier.isStatic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic() && m.getParameterCount() == 1
                && !m.getParameterTypes()[0].isPrimitive() && m.getDeclaringClass() != Object.class;
    }
}
