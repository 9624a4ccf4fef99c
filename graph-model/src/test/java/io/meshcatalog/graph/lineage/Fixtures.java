package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The YAML fixture meshes under {@code src/test/resources/fixtures}. */
final class Fixtures {

    private Fixtures() {
    }

    /** alpha → beta (diamond sides, fan-out of 12) → gamma (diamond bottom with consumers, 3-cycle). */
    static List<DomainDescriptor> lineage() {
        return new DescriptorLoader().loadAll(path("lineage"));
    }

    static DomainDescriptor yaml(String name, String yaml) {
        return new DescriptorLoader().load(name, yaml);
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
