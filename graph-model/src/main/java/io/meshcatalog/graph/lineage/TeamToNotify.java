package io.meshcatalog.graph.lineage;

import java.util.List;

/**
 * One team to tell about a change, once, however many of its products and consumers are hit:
 * {@code affected} lists the ids of those the viewer may see, nearest first, {@code hiddenAffected} counts the others,
 * and {@code nearestDegree} says how close the nearest of all is.
 */
public record TeamToNotify(
        String team, List<Member> members, List<String> affected, int nearestDegree, int hiddenAffected) {

    public TeamToNotify {
        members = List.copyOf(members);
        affected = List.copyOf(affected);
    }
}
