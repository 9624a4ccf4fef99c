package io.meshcatalog.gateway.execution;

import java.util.Map;

/**
 * Who asks and how: resolved once at the HTTP edge and carried, unchanged, through planning and execution to
 * every subgraph call, so authorization, limits and header propagation read one value.
 *
 * @param caller the authenticated caller, {@link Caller#ANONYMOUS} when nobody authenticated
 * @param headers request headers the gateway may forward or act on, lower-case names
 * @param source the client's address, for the audit log; empty for the gateway's own calls
 */
public record RequestContext(Caller caller, Map<String, String> headers, String source) {

  public RequestContext {
    headers = Map.copyOf(headers);
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
