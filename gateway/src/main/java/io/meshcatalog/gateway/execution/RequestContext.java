package io.meshcatalog.gateway.execution;

import io.opentelemetry.context.Context;
import java.util.Map;

/**
 * Who asks and how: resolved once at the HTTP edge and carried, unchanged, through planning and execution to
 * every subgraph call, so authorization, limits and header propagation read one value.
 *
 * @param caller the authenticated caller, {@link Caller#ANONYMOUS} when nobody authenticated
 * @param headers request headers the gateway may forward or act on, lower-case names
 * @param source the client's address, for the audit log; empty for the gateway's own calls
 * @param trace the request's trace context: each span of the request starts under it
 */
public record RequestContext(Caller caller, Map<String, String> headers, String source, Context trace) {

    public RequestContext {
        headers = Map.copyOf(headers);
    }

    /** A request outside any trace. */
    public RequestContext(Caller caller, Map<String, String> headers, String source) {
        this(caller, headers, source, Context.root());
    }

    /** The same request, within this trace context (a fetch's span, say). */
    public RequestContext within(Context context) {
        return new RequestContext(caller, headers, source, context);
    }

    /** An anonymous caller with no headers. */
    public static RequestContext anonymous() {
        return new RequestContext(Caller.ANONYMOUS, Map.of(), "");
    }

    /** The gateway's own call, on its own behalf ({@link Caller#internal}). */
    public static RequestContext internal(String subject) {
        return new RequestContext(Caller.internal(subject), Map.of(), "");
    }
}
