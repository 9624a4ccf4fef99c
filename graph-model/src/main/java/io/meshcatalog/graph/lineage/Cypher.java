package io.meshcatalog.graph.lineage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The named Cypher statements of the store, read once from the {@code .cypher} files beside this class. A statement
 * includes a fragment (an expression such as who may see a node) with {@code {{visible-product p}}}: the text of
 * {@code visible-product.cypher}, in parentheses, with its node {@value #NODE} named {@code p}. Fragments are the
 * store's own files, expanded when a statement is first read; user input never reaches a statement's text.
 */
final class Cypher {

    /** How a fragment names the node it is about. */
    static final String NODE = "__node__";

    private static final Pattern INCLUDE = Pattern.compile("\\{\\{([a-z][a-z-]*) ([A-Za-z_][A-Za-z0-9_]*)\\}\\}");
    private static final int MAX_NESTING = 8;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Cypher() {}

    /** The statement in {@code <name>.cypher}, without its comment lines. */
    static String named(String name) {
        return CACHE.computeIfAbsent(name, n -> expand(n, read(n), 0));
    }

    private static String expand(String statement, String text, int depth) {
        if (depth > MAX_NESTING) {
            throw new IllegalStateException(statement + ".cypher: fragments nested deeper than " + MAX_NESTING);
        }
        Matcher include = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (include.find()) {
            String fragment = read(include.group(1)).strip().replace(NODE, include.group(2));
            include.appendReplacement(
                    out, Matcher.quoteReplacement("(" + expand(statement, fragment, depth + 1) + ")"));
        }
        include.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            throw new IllegalStateException(statement + ".cypher: an include that is not {{<fragment> <variable>}}");
        }
        return out.toString();
    }

    /** The {@code ;}-separated statements of a file, for schema scripts. */
    static List<String> script(String name) {
        return Arrays.stream(named(name).split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String name) {
        try (InputStream in = Cypher.class.getResourceAsStream(name + ".cypher")) {
            if (in == null) {
                throw new IllegalStateException("missing Cypher statement " + name + ".cypher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
