package io.meshcatalog.gateway.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where in the response a fetch merges: response keys, with {@code @} for "every element of this
 * list". A segment may admit objects of some types only ({@code review|[UserReview].product}, as
 * Apollo's router prints it): a fetch planned under a type condition is sent for the objects of
 * that type only. Immutable; {@link #segment} returns a new path.
 *
 * @param segments the response keys and {@code @} markers from the root
 * @param types per segment, the object types admitted there; empty for any
 */
public record ResponsePath(List<String> segments, List<Set<String>> types) {

    /** The flatten marker for list elements. */
    public static final String EVERY = "@";

    public ResponsePath {
        segments = List.copyOf(segments);
        types = types.stream().map(Set::copyOf).toList();
        if (types.size() != segments.size()) {
            throw new IllegalArgumentException("one set of types per segment: " + segments + " " + types);
        }
    }

    /** A path that admits objects of any type. */
    public ResponsePath(List<String> segments) {
        this(segments, Collections.nCopies(segments.size(), Set.of()));
    }

    /** The response root. */
    public static ResponsePath root() {
        return new ResponsePath(List.of());
    }

    /** This path followed by one more segment. */
    public ResponsePath segment(String key) {
        List<String> next = new ArrayList<>(segments);
        next.add(key);
        List<Set<String>> nextTypes = new ArrayList<>(types);
        nextTypes.add(Set.of());
        return new ResponsePath(next, nextTypes);
    }

    /** This path with its last segment admitting objects of these types only (of those it admits). */
    public ResponsePath onlyFor(Set<String> objectTypes) {
        if (segments.isEmpty()) {
            return this;
        }
        int last = segments.size() - 1;
        Set<String> narrowed = new LinkedHashSet<>(objectTypes);
        if (!types.get(last).isEmpty()) {
            narrowed.retainAll(types.get(last));
        }
        List<Set<String>> nextTypes = new ArrayList<>(types);
        nextTypes.set(last, narrowed);
        return new ResponsePath(segments, nextTypes);
    }

    /** The same place admitting objects of any type. */
    public ResponsePath anyType() {
        return new ResponsePath(segments);
    }

    /**
     * The path that admits what this one or {@code other}, the same place under other type
     * conditions, admits: a fetch planned from both is sent for the objects of either.
     */
    public ResponsePath or(ResponsePath other) {
        if (!segments.equals(other.segments)) {
            throw new IllegalArgumentException("not the same place: " + this + " and " + other);
        }
        List<Set<String>> merged = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Set<String> a = types.get(i);
            Set<String> b = other.types.get(i);
            Set<String> both = new LinkedHashSet<>(a);
            both.addAll(b);
            merged.add(a.isEmpty() || b.isEmpty() ? Set.of() : both);
        }
        return new ResponsePath(segments, merged);
    }

    /** How many fields lead here from the root (list markers do not count). */
    public int depth() {
        return (int) segments.stream().filter(s -> !s.equals(EVERY)).count();
    }

    /** Whether a value reached at segment {@code index} may be followed further. */
    public boolean admits(int index, Object value) {
        Set<String> admitted = types.get(index);
        return admitted.isEmpty()
                || !(value instanceof java.util.Map<?, ?> object)
                || object.get("__typename") instanceof String typename && admitted.contains(typename);
    }

    @Override
    public String toString() {
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            printed.add(
                    types.get(i).isEmpty()
                            ? segments.get(i)
                            : segments.get(i) + "|[" + String.join(",", new TreeSet<>(types.get(i))) + "]");
        }
        return String.join(".", printed);
    }
}
