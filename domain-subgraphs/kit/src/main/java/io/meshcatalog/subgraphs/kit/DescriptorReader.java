package io.meshcatalog.subgraphs.kit;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.descriptor.DescriptorProblem;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads a domain's descriptor through graph-model's {@link DescriptorLoader}, so a subgraph accepts exactly the
 * descriptors the gateway can harvest. A bad descriptor throws {@link DescriptorException} with file, line and key,
 * which stops start-up: a subgraph that serves half a domain is worse than one that does not start.
 */
public final class DescriptorReader {

    private final ResourceLoader resources;
    private final DescriptorLoader loader = new DescriptorLoader();

    public DescriptorReader(ResourceLoader resources) {
        this.resources = resources;
    }

    /** Loads the descriptor at {@code location} and checks that it declares {@code expectedDomain}. */
    public LoadedDescriptor read(String location, String expectedDomain) {
        Resource resource = resources.getResource(location);
        String yaml;
        try {
            yaml = resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the descriptor of domain '" + expectedDomain + "' at " + location + "; set "
                            + SubgraphDefinition.DESCRIPTOR_PROPERTY + " to a readable file",
                    e);
        }
        DomainDescriptor descriptor = loader.load(location, yaml);
        String declared = descriptor.domain().id().value();
        if (!declared.equals(expectedDomain)) {
            int[] at = domainIdPosition(yaml);
            throw new DescriptorException(List.of(new DescriptorProblem(
                    location,
                    at[0],
                    at[1],
                    "domain.id",
                    "this subgraph serves domain '" + expectedDomain + "' but the descriptor declares '" + declared
                            + "'")));
        }
        return new LoadedDescriptor(location, yaml, descriptor);
    }

    /** The 1-based line and column of {@code domain.id}, found by text because the model keeps no positions. */
    private static int[] domainIdPosition(String yaml) {
        List<String> lines = yaml.lines().toList();
        int domain = lines.indexOf("domain:");
        for (int i = domain + 1; domain >= 0 && i < lines.size() && lines.get(i).startsWith(" "); i++) {
            String line = lines.get(i);
            String key = line.stripLeading();
            if (key.startsWith("id:")) {
                return new int[] {i + 1, line.length() - key.length() + 1};
            }
        }
        return new int[] {domain + 1, 1};
    }
}
