package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * The team answerable for a product. {@code inherited} is true when the product names no team and
 * its domain's team owns it.
 */
public record Owner(String team, String description, List<Member> members, boolean inherited, String domain) {

    public Owner {
        members = List.copyOf(members);
    }
}
