package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.supergraph.OverrideLabel;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Which progressive-override labels one request runs with: each {@code percent(x)} label is drawn, on for x%
 * of requests; a custom label is on when the gateway is configured with it ({@code gateway.override-labels}).
 * A plan depends on the labels, so plans are cached per set of labels.
 */
public final class OverrideLabels {

    private final Set<String> configured;
    private final DoubleSupplier draw;

    /**
     * @param configured the custom labels to enable
     * @param draw a uniform draw in [0, 1) per request and label (injected, so tests choose the outcome)
     */
    public OverrideLabels(Set<String> configured, DoubleSupplier draw) {
        this.configured = Set.copyOf(configured);
        this.draw = draw;
    }

    /** No custom label enabled; percentages drawn at random. */
    public static OverrideLabels drawn() {
        return withConfigured(Set.of());
    }

    /** These custom labels enabled; percentages drawn at random. */
    public static OverrideLabels withConfigured(Set<String> configured) {
        return new OverrideLabels(configured, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The labels on for one request, among those the supergraph uses; sorted, so equal sets print alike. */
    public Set<String> choose(Set<OverrideLabel> inUse) {
        if (inUse.isEmpty()) {
            return Set.of();
        }
        Set<String> enabled = new TreeSet<>();
        for (OverrideLabel label : inUse) {
            boolean on = label.percent() != null
                    ? draw.getAsDouble() * 100 < label.percent()
                    : configured.contains(label.text());
            if (on) {
                enabled.add(label.text());
            }
        }
        return enabled;
    }
}
