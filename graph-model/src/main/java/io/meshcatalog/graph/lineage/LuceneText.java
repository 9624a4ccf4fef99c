package io.meshcatalog.graph.lineage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns what a user typed into a full-text query that means only the words typed: every Lucene
 * operator character is escaped and the words are lower-cased (so AND, OR and NOT are words too).
 * The result is still passed to Neo4j as a bound parameter.
 */
final class LuceneText {

    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";
    static final int MAX_LENGTH = 500;

    private LuceneText() {}

    static String of(String text) {
        String clipped = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        return Arrays.stream(clipped.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> escape(word.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(" "));
    }

    private static String escape(String word) {
        StringBuilder escaped = new StringBuilder(word.length() + 4);
        for (char c : word.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
