package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * One team to tell about a change, once, however many of its products and consumers are hit:
 * {@code affected} lists their ids, nearest first, and {@code nearestDegree} how close the nearest is.
 */
public record TeamToNotify(String team, List<Member> members, List<String> affected, int nearestDegree) {

    public TeamToNotify {
        members = List.copyOf(members);
        affected = List.copyOf(affected);
    }
}
