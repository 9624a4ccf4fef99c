package io.meshcatalog.graph.lineage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one transaction of OpenLineage writes holds: at most {@link WriteQueue#GROUP} events and
 * {@link WriteQueue#CAPACITY} units (see {@link WriteQueue#weight}), and each idempotency key once, since a
 * transaction claims each key once. The one rule for splitting a request into groups and for taking requests that
 * arrived together into one transaction. Pure.
 */
final class GroupBounds {

    private int events;
    private long units;
    private final Set<String> keys = new HashSet<>();

    /**
     * Takes {@code more} when it fits beside what was taken already, all or none of it: false when it would pass a
     * bound or name a key twice. An event alone always fits empty bounds.
     */
    boolean take(List<KeyedEvent> more) {
        long weight = more.stream()
                .mapToLong(event -> WriteQueue.weight(event.event()))
                .sum();
        if (events + more.size() > WriteQueue.GROUP || units + weight > WriteQueue.CAPACITY) {
            return false;
        }
        Set<String> adding = new HashSet<>();
        for (KeyedEvent event : more) {
            if (keys.contains(event.key()) || !adding.add(event.key())) {
                return false;
            }
        }
        events += more.size();
        units += weight;
        keys.addAll(adding);
        return true;
    }
}
