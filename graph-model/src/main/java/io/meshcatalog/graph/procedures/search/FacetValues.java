package io.meshcatalog.graph.procedures.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each facet's values as small numbers, for as long as the index lives: a document keeps its domain, owner, tags …
 * as numbers, so a search counts them in one array per facet, whatever the segments, and turns numbers back into
 * values only for the few it answers with. Values are only ever added (one no document has any more counts zero).
 */
final class FacetValues {

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The value's number, given it if new. */
    synchronized int number(String value) {
        Integer known = numbers.get(value);
        if (known != null) {
            return known;
        }
        values.add(value);
        numbers.put(value, values.size() - 1);
        return values.size() - 1;
    }

    synchronized String value(int number) {
        return values.get(number);
    }

    /** How many values there are: every number a document holds is below it. */
    synchronized int size() {
        return values.size();
    }
}
