package io.meshcatalog.graph.lineage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The named Cypher statements of the store, read once from the {@code .cypher} files beside this class. */
final class Cypher {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Cypher() {
    }

    /** The statement in {@code <name>.cypher}, without its comment lines. */
    static String named(String name) {
        return CACHE.computeIfAbsent(name, Cypher::read);
    }

    /** The {@code ;}-separated statements of a file, for schema scripts. */
    static List<String> script(String name) {
        return Arrays.stream(named(name).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String name) {
        try (InputStream in = Cypher.class.getResourceAsStream(name + ".cypher")) {
            if (in == null) {
                throw new IllegalStateException("missing Cypher statement " + name + ".cypher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
