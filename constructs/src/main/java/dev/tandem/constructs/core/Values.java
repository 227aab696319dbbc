package dev.tandem.constructs.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable copies for props and specs that keep what the user passed, nulls included, so the
 * construct's validation can report a missing value with its path instead of a
 * NullPointerException from {@code List.copyOf}.
 */
public final class Values {
    private Values() {
    }

    /** @return an unmodifiable copy of {@code list} (null stays null; null elements stay) */
    public static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** @return an unmodifiable copy of {@code map} in insertion order (null stays null) */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** @return an unmodifiable copy of {@code map} sorted by key, so output is stable (null stays null) */
    public static <K extends Comparable<K>, V> Map<K, V> sortedMap(Map<K, V> map) {
        if (map == null) {
            return null;
        }
        if (map.keySet().stream().anyMatch(k -> k == null)) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
