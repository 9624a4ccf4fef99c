package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.RequestContext;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a route sees it, whatever server carried it.
 *
 * @param method the method, upper case ({@code HEAD} arrives as {@code GET})
 * @param path the decoded path, without the query string
 * @param parameters the query string's parameters, each with its values in order
 * @param headers the headers, lower-case names, repeated values joined with a comma
 * @param body the body, empty when there is none
 * @param source the client's address (as the connection shows it), for the audit log
 * @param caller who asks, as the edge's authentication resolved it; {@link Caller#ANONYMOUS} until then
 * @param clientGone whether the client has closed the connection the call came on
 * @param trace the trace context of the request's span
 */
public record HttpCall(
        String method,
        String path,
        Map<String, List<String>> parameters,
        Map<String, String> headers,
        byte[] body,
        String source,
        Caller caller,
        BooleanSupplier clientGone,
        Context trace) {

    public HttpCall {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
    }

    /** A call nobody has authenticated yet, on a connection that stays open. */
    public HttpCall(
            String method,
            String path,
            Map<String, List<String>> parameters,
            Map<String, String> headers,
            byte[] body,
            String source) {
        this(method, path, parameters, headers, body, source, Caller.ANONYMOUS, () -> false, Context.root());
    }

    /** The same call, within this trace context. */
    public HttpCall within(Context context) {
        return new HttpCall(method, path, parameters, headers, body, source, caller, clientGone, context);
    }

    /** The same call, made by {@code who}. */
    public HttpCall withCaller(Caller who) {
        return new HttpCall(method, path, parameters, headers, body, source, who, clientGone, trace);
    }

    /** The request context this call gives the gateway: its caller, headers and client address. */
    public RequestContext context() {
        return new RequestContext(caller, headers, source, trace);
    }

    /** The first value of a query parameter, or null. */
    public @Nullable String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A header by its lower-case name, or null. */
    public @Nullable String header(String name) {
        return headers.get(name);
    }

    /**
     * Why the body is not declared as JSON ({@code application/json} or a {@code +json} type), said for a 415; null when
     * it is.
     *
     * @param expected what the route takes, as the message names it ("a JSON body")
     */
    public @Nullable String notJson(String expected) {
        String type = mediaType();
        if (type != null && (type.equals("application/json") || type.endsWith("+json"))) {
            return null;
        }
        return method + " " + path + " takes " + expected + " (Content-Type: application/json), not "
                + (type == null ? "a body without Content-Type" : type);
    }

    /** The media type of the body, lower case and without parameters, or null. */
    public @Nullable String mediaType() {
        String type = headers.get("content-type");
        if (type == null) {
            return null;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
