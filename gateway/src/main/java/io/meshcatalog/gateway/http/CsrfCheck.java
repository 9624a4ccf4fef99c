package io.meshcatalog.gateway.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-site request forgery protection, as Apollo Router does it: a request runs only if a browser would have asked
 * the gateway first (a CORS preflight, which the gateway never grants). That is so when its {@code Content-Type} is not
 * one of the three a web page may send without asking ({@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}, {@code text/plain}), or when it carries one of the required headers, which only a
 * script can add. Applied to {@code /graphql} (a {@code GET} there runs queries that may be costly, or, mistaken for
 * safe, answer what a page should not learn) and to every route that is not a {@code GET}: the routes that write.
 * Anything else is refused with 400 before its route or authentication runs.
 */
public final class CsrfCheck implements EdgeCheck {

    /** Where it runs among the edge checks: first, before any credential is looked at. */
    public static final int ORDER = 50;

    /** Apollo Router's (and Apollo Server's) headers. */
    static final List<String> DEFAULT_REQUIRED_HEADERS = List.of("x-apollo-operation-name", "apollo-require-preflight");

    private static final Set<String> SIMPLE_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private final List<String> requiredHeaders;
    private final HttpAnswer refusal;

    /**
     * @param requiredHeaders headers that make a simple request safe ({@code gateway.csrf.required-headers})
     */
    CsrfCheck(List<String> requiredHeaders, JsonMapper json) {
        for (String header : requiredHeaders) {
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("gateway.csrf.required-headers has an empty header name");
            }
        }
        this.requiredHeaders = requiredHeaders.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        this.refusal = HttpAnswer.error(
                400,
                "This request has been blocked as a potential cross-site request forgery "
                        + "(CSRF): send it with a Content-Type other than "
                        + String.join(", ", SIMPLE_TYPES.stream().sorted().toList())
                        + " (for GraphQL: application/json)"
                        + (this.requiredHeaders.isEmpty()
                                ? ""
                                : ", or add one of the headers " + String.join(", ", this.requiredHeaders))
                        + " (gateway.csrf.required-headers)",
                json);
    }

    @Override
    public CompletableFuture<Admission> admit(HttpRoute route, HttpCall call) {
        boolean guarded =
                route.path().equals(GraphQLEndpoint.PATH) || !call.method().equals("GET");
        return !guarded || preflighted(call) ? EdgeCheck.admitted(call) : EdgeCheck.refused(refusal);
    }

    private boolean preflighted(HttpCall call) {
        return requiresPreflight(call.header("content-type"))
                || requiredHeaders.stream().anyMatch(h -> call.header(h) != null);
    }

    /**
     * Whether a browser must ask before sending this content type. No type, or one that does not parse (two joined by a
     * comma, say), gives no such assurance.
     */
    static boolean requiresPreflight(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        MimeType type;
        try {
            type = MimeTypeUtils.parseMimeType(contentType.strip());
        } catch (InvalidMimeTypeException e) {
            return false;
        }
        return !SIMPLE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }
}
