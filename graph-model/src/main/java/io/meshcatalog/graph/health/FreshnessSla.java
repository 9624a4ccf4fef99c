package io.meshcatalog.graph.health;

import io.meshcatalog.graph.model.SlaProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How fresh a product's SLA says one of its datasets must be: written at most {@code frequency + latency} ago (ODCS
 * {@code slaProperties}; either alone is enough). A property naming an {@code element} applies to the dataset that
 * element names ({@code dataset} or {@code dataset.column}, several separated by commas) and takes precedence over
 * one naming none, which applies to every dataset of the product.
 *
 * @param maxAge the oldest its last complete write may be
 * @param declared what the SLA says, for people: {@code "frequency 1 d + latency 1 h"}
 */
public record FreshnessSla(Duration maxAge, String declared) {

    /** The SLA properties that bound freshness. */
    static final List<String> PROPERTIES = List.of("frequency", "latency");

    private static final Map<String, Duration> UNITS = units();

    /**
     * The freshness the SLA promises for the dataset named {@code datasetName}; empty when it promises none.
     *
     * @throws IllegalArgumentException naming the property when its value or unit is not a duration
     */
    public static Optional<FreshnessSla> of(List<SlaProperty> sla, String datasetName) {
        Duration total = Duration.ZERO;
        List<String> declared = new ArrayList<>();
        for (String property : PROPERTIES) {
            Optional<SlaProperty> chosen = applicable(sla, property, datasetName);
            if (chosen.isPresent()) {
                SlaProperty p = chosen.get();
                total = total.plus(duration(p));
                declared.add(property + " " + p.value().strip() + " " + p.unit().strip());
            }
        }
        return declared.isEmpty()
                ? Optional.empty()
                : Optional.of(new FreshnessSla(total, String.join(" + ", declared)));
    }

    private static Optional<SlaProperty> applicable(List<SlaProperty> sla, String property, String datasetName) {
        Optional<SlaProperty> specific = sla.stream()
                .filter(p -> p.property().equalsIgnoreCase(property) && names(p.element(), datasetName))
                .findFirst();
        return specific.or(() -> sla.stream()
                .filter(p ->
                        p.property().equalsIgnoreCase(property) && p.element().isBlank())
                .findFirst());
    }

    private static boolean names(String element, String datasetName) {
        return Arrays.stream(element.split(","))
                .map(String::strip)
                .map(item -> item.contains(".") ? item.substring(0, item.indexOf('.')) : item)
                .anyMatch(datasetName::equals);
    }

    private static Duration duration(SlaProperty p) {
        Duration unit = UNITS.get(p.unit().strip().toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("SLA " + p.property() + " has unit '" + p.unit() + "'; a freshness "
                    + "unit is one of s, min, h, d, w, month or y, or their long forms (not m: minute or month?)");
        }
        double amount;
        try {
            amount = Double.parseDouble(p.value().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "SLA " + p.property() + " has value '" + p.value() + "'; it must be a number of " + p.unit());
        }
        if (!(amount > 0) || amount > 36_500) {
            throw new IllegalArgumentException(
                    "SLA " + p.property() + " has value '" + p.value() + "'; it must be above 0 and at most 36500");
        }
        return Duration.ofMillis(Math.round(amount * unit.toMillis()));
    }

    private static Map<String, Duration> units() {
        Map<String, Duration> units = new java.util.HashMap<>();
        put(units, Duration.ofSeconds(1), "s", "sec", "secs", "second", "seconds");
        put(units, Duration.ofMinutes(1), "min", "mins", "minute", "minutes");
        put(units, Duration.ofHours(1), "h", "hr", "hrs", "hour", "hours");
        put(units, Duration.ofDays(1), "d", "day", "days");
        put(units, Duration.ofDays(7), "w", "wk", "week", "weeks");
        put(units, Duration.ofDays(30), "mo", "mon", "month", "months");
        put(units, Duration.ofDays(365), "y", "yr", "yrs", "year", "years");
        return Map.copyOf(units);
    }

    private static void put(Map<String, Duration> units, Duration duration, String... names) {
        for (String name : names) {
            units.put(name, duration);
        }
    }
}
