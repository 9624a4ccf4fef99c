package io.meshcatalog.graph.embedded;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Neo4j as a process of its own, as a server would be: Bolt on a free port of 127.0.0.1 with authentication, Mesh
 * Catalog's procedures only from the plugin jars of the plugins folder it is given. Prints {@code bolt <uri>} when it
 * serves; stops on SIGTERM, and when its standard input ends (the process that started it is gone). Arguments: the
 * data directory, the plugins folder, and optionally the page cache in bytes (64 MB).
 */
public final class StandaloneNeo4j {

    private StandaloneNeo4j() {}

    public static void main(String[] args) throws IOException {
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.startWithPlugins(
                Path.of(args[0]), 0, args.length > 2 ? Long.parseLong(args[2]) : 64L << 20, Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "neo4j-stop"));
        System.out.println("bolt " + neo4j.boltUri());
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing is sent: the stream ends when the process that started this one does
        }
        System.exit(0);
    }
}
