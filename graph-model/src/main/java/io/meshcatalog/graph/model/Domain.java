package io.meshcatalog.graph.model;

import java.util.List;

/** A business domain and the team that owns whatever in it names no owner of its own. */
public record Domain(DomainId id, String name, String description, Team team, List<SupportChannel> support) {

    public Domain {
        support = List.copyOf(support);
    }
}
