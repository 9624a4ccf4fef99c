package io.meshcatalog.subgraphs.kit;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a domain gives the kit: its id, where its descriptor is, and the SDL with the fields it adds to the
 * catalog vocabulary. Locations are Spring resource locations ({@code classpath:…}, {@code file:…}); the
 * property {@value #DESCRIPTOR_PROPERTY}, when not blank, replaces the descriptor location, so a domain team can
 * serve a descriptor it is editing without rebuilding.
 *
 * @param domain the domain id the descriptor must declare, such as {@code shipping}
 * @param descriptorLocation the descriptor YAML
 * @param extensionSdlLocation the domain's extension SDL, or null when it adds nothing to the vocabulary
 */
public record SubgraphDefinition(
        String domain, String descriptorLocation, @Nullable String extensionSdlLocation) {

    /** The property that overrides {@link #descriptorLocation()}. */
    public static final String DESCRIPTOR_PROPERTY = "meshcatalog.subgraph.descriptor";

    public Optional<String> extensionSdl() {
        return Optional.ofNullable(extensionSdlLocation);
    }
}
