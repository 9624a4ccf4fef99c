package io.meshcatalog.subgraphs.kit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The SDL files one subgraph serves: the shared catalog vocabulary unchanged, the domain's extension, and the
 * domain's root query ({@code shippingProducts} …), generated so that every domain names it the same way and
 * the gateway can reach each domain's products without knowing its SDL in advance.
 */
public final class SubgraphSchema {

    /** The vocabulary every domain subgraph implements, from graph-model. */
    public static final String VOCABULARY_LOCATION = "classpath:catalog/catalog.graphqls";

    private final List<Resource> resources;

    private SubgraphSchema(List<Resource> resources) {
        this.resources = List.copyOf(resources);
    }

    public static SubgraphSchema of(SubgraphDefinition definition, ResourceLoader loader) {
        List<Resource> resources = new ArrayList<>();
        resources.add(require(loader, VOCABULARY_LOCATION, "the catalog vocabulary (graph-model on the classpath?)"));
        definition
                .extensionSdl()
                .ifPresent(location -> resources.add(
                        require(loader, location, "the extension SDL of domain '" + definition.domain() + "'")));
        resources.add(new ByteArrayResource(
                rootQuery(definition.domain()).getBytes(StandardCharsets.UTF_8),
                "root query of domain '" + definition.domain() + "'"));
        return new SubgraphSchema(resources);
    }

    /** The name of the domain's root query field, for example {@code shippingProducts}. */
    public static String productsField(String domain) {
        return domain + "Products";
    }

    public Resource[] resources() {
        return resources.toArray(Resource[]::new);
    }

    private static String rootQuery(String domain) {
        return "extend type Query {\n"
                + "  \"The data products of the " + domain + " domain.\"\n"
                + "  " + productsField(domain) + ": [DataProduct!]!\n"
                + "}\n";
    }

    private static Resource require(ResourceLoader loader, String location, String what) {
        Resource resource = loader.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("cannot find " + what + " at " + location);
        }
        return resource;
    }
}
