package io.meshcatalog.gateway.execution;

import io.meshcatalog.graph.access.CallerAssertion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How the gateway talks to one subgraph.
 *
 * @param url overrides the URL the supergraph names, or null to keep it
 * @param timeout how long one fetch may take before its part of the response becomes an error
 * @param headers sent with every fetch (static credentials, routing hints); they win over forwarded ones
 * @param forward the client's request headers to pass on when present (lower-case names), such as
 *     {@code authorization} or {@code x-request-id}
 */
public record SubgraphSettings(
        @Nullable String url, Duration timeout, Map<String, String> headers, Set<String> forward) {

    /** Headers that belong to one HTTP hop and are set by the client itself; forwarding them is refused. */
    private static final Set<String> HOP_HEADERS = Set.of(
            "host",
            "connection",
            "content-length",
            "content-type",
            "expect",
            "upgrade",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "accept",
            "accept-encoding");

    /** Thirty seconds, no extra headers, nothing forwarded, the supergraph's URL. */
    public static final SubgraphSettings DEFAULTS =
            new SubgraphSettings(null, Duration.ofSeconds(30), Map.of(), Set.of());

    public SubgraphSettings {
        headers = Map.copyOf(headers);
        forward = forward.stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        List<String> refused =
                forward.stream().filter(HOP_HEADERS::contains).sorted().toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("cannot forward " + String.join(", ", refused)
                    + ": the gateway sets these itself on each subgraph request");
        }
        // only the gateway sets the caller assertion, for the fetch's caller: a client's would claim to be anybody
        if (forward.contains(CallerAssertion.HEADER)) {
            throw new IllegalArgumentException(
                    "cannot forward " + CallerAssertion.HEADER + ": the gateway signs it itself for "
                            + "each fetch's caller (security.subgraph-secret); a client's would claim to be anybody");
        }
    }

    /** Without forwarded headers. */
    public SubgraphSettings(@Nullable String url, Duration timeout, Map<String, String> headers) {
        this(url, timeout, headers, Set.of());
    }

    /** The headers of one fetch for {@code context}: the forwarded ones it carries, then the configured ones. */
    public Map<String, String> headersFor(RequestContext context) {
        if (forward.isEmpty()) {
            return headers;
        }
        Map<String, String> out = new LinkedHashMap<>();
        forward.forEach(name -> {
            String value = context.headers().get(name);
            if (value != null) {
                out.put(name, value);
            }
        });
        headers.forEach((name, value) -> {
            out.keySet().removeIf(forwarded -> forwarded.equalsIgnoreCase(name));
            out.put(name, value);
        });
        return out;
    }
}
