package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The YAML fixture meshes under {@code src/test/resources/fixtures}. */
final class Fixtures {

    private Fixtures() {}

    /** alpha → beta (diamond sides, fan-out of 12) → gamma (diamond bottom with consumers, 3-cycle). */
    static List<DomainDescriptor> lineage() {
        return new DescriptorLoader().loadAll(path("lineage"));
    }

    /** shop (public, PII examples) → crm (private) → ads (internal, an external consumer). */
    static List<DomainDescriptor> visibility() {
        return new DescriptorLoader().loadAll(path("visibility"));
    }

    /**
     * The demo mesh's five domains, from the descriptors the demo subgraphs serve (read from the source tree, so the
     * governance story is checked on exactly what a newcomer runs).
     */
    static List<DomainDescriptor> demo() {
        Path domains =
                Path.of("..", "domain-subgraphs", "mesh", "src", "main", "resources", "io", "meshcatalog", "subgraphs");
        DescriptorLoader loader = new DescriptorLoader();
        return Stream.of("orders", "shipping", "customers", "marketing", "finance")
                .map(domain -> loader.load(domains.resolve(domain).resolve(domain + ".yaml")))
                .toList();
    }

    static DomainDescriptor yaml(String name, String yaml) {
        return new DescriptorLoader().load(name, yaml);
    }

    /**
     * A domain of one product ({@code <id>.wide}) publishing one dataset ({@code wide}) of {@code fields} fields named
     * {@code <name>0}, {@code <name>1} …, each described by {@code description} (none when it is empty).
     */
    static DomainDescriptor wide(String id, int fields, String name, String description) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: meshcatalog/v1
                kind: Domain
                domain: {id: %1$s, name: %1$s, team: {name: %1$s-team}}
                products:
                  - id: %1$s.wide
                    name: Wide
                    status: active
                    schema:
                      - name: wide
                        properties:
                """.formatted(id));
        for (int i = 0; i < fields; i++) {
            yaml.append("          - {name: ").append(name).append(i).append(", logicalType: string");
            yaml.append(description.isEmpty() ? "" : ", description: " + description)
                    .append("}\n");
        }
        return yaml(id, yaml.toString());
    }

    /** A fixture file's text, such as {@code lineage/beta.yaml}. */
    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
