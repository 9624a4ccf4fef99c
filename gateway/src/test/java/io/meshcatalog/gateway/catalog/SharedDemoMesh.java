package io.meshcatalog.gateway.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One demo mesh for the integration test classes that only read it (the browser's walk through the UI, the life cycle
 * checks), as a {@code DemoMesh} parameter of their {@code @BeforeAll}: started by the first that asks, closed when
 * the whole run ends. A demo mesh takes half a minute to start; tests that change it start their own.
 */
final class SharedDemoMesh implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDemoMesh.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DemoMesh.class;
    }

    @Override
    public DemoMesh resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class)
                .mesh();
    }

    /** The mesh and the directory of its graph, both gone when the run's store closes. */
    private record Running(DemoMesh mesh, Path dir) implements AutoCloseable {

        static Running start() {
            try {
                Path dir = Files.createTempDirectory("shared-demo-mesh");
                return new Running(DemoMesh.start(dir.resolve("neo4j")), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            mesh.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }
}
