package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.Viewer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A viewer at one instant as the parameters the visibility fragments ({@code visible-*.cypher}) read:
 * {@code $everything}, {@code $authenticated}, {@code $subject}, {@code $teams} and {@code $now} (the store's clock,
 * so grants expire on their own). A statement that includes a fragment and is run without them fails: visibility is
 * never skipped by omission.
 */
final class ViewerParameters {

    private final Viewer viewer;
    private final OffsetDateTime now;
    private final Map<String, Object> parameters;

    private ViewerParameters(Viewer viewer, Instant now) {
        this.viewer = viewer;
        this.now = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        this.parameters = Map.of(
                "everything",
                viewer.everything(),
                "authenticated",
                viewer.authenticated(),
                "subject",
                viewer.subject(),
                "teams",
                List.copyOf(viewer.teams()),
                "now",
                this.now);
    }

    static ViewerParameters of(Viewer viewer, Instant now) {
        return new ViewerParameters(viewer, now);
    }

    Viewer viewer() {
        return viewer;
    }

    OffsetDateTime now() {
        return now;
    }

    /** The viewer's parameters and {@code namesAndValues} (name, value, name, value …). */
    Map<String, Object> with(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        Map<String, Object> all = new HashMap<>(parameters);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            all.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return all;
    }
}
