package io.meshcatalog.gateway.supergraph;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A progressive-override label ({@code @override(from:, label:)}, join v0.4+): {@code percent(x)} moves the
 * field to its new owner for x% of requests, drawn per request; any other label moves it when the gateway is
 * configured to enable it. {@code percent(100)} is always on, {@code percent(0)} never.
 *
 * @param text the label as composed
 * @param percent the share of requests for a {@code percent(x)} label, null for a custom one
 */
public record OverrideLabel(String text, @Nullable Double percent) {

    private static final Pattern PERCENT = Pattern.compile("percent\\((\\d+(?:\\.\\d+)?)\\)");

    /** Reads a label; {@code percent(x)} with 0 ≤ x ≤ 100 is a percentage, anything else a custom label. */
    public static OverrideLabel parse(String text) {
        String label = text.strip();
        Matcher matcher = PERCENT.matcher(label.replace(" ", ""));
        if (matcher.matches()) {
            double percent = Double.parseDouble(matcher.group(1));
            if (percent <= 100) {
                return new OverrideLabel(label, percent);
            }
        }
        return new OverrideLabel(label, null);
    }

    /** Whether the override is in effect for a request with these labels enabled. */
    public boolean isEnabledIn(Set<String> enabled) {
        if (percent != null && percent >= 100) {
            return true;
        }
        if (percent != null && percent <= 0) {
            return false;
        }
        return enabled.contains(text);
    }
}
