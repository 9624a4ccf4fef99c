package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.openlineage.LineageEvent;

/**
 * An OpenLineage event with the key it is stored once under: its {@link LineageEvent#identity()}, or a key its
 * sender chose.
 */
public record KeyedEvent(LineageEvent event, String key) {

    /** The event under its own identity. */
    public static KeyedEvent of(LineageEvent event) {
        return new KeyedEvent(event, event.identity());
    }
}
