package io.meshcatalog.graph.model;

import java.util.List;

/** ODPS/ODCS v3.1 {@code team}: the people answerable for a domain or a product. */
public record Team(String name, String description, List<TeamMember> members) {

    public Team {
        members = List.copyOf(members);
    }
}
