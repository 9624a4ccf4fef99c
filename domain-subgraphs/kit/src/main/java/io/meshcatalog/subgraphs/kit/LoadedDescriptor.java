package io.meshcatalog.subgraphs.kit;

import io.meshcatalog.graph.model.DomainDescriptor;

/**
 * A descriptor as read at start-up: where it came from, its text (served verbatim in the catalog contract, so the
 * gateway harvests exactly what the domain wrote) and its validated model.
 */
public record LoadedDescriptor(String location, String yaml, DomainDescriptor descriptor) {}
