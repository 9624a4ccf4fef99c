package io.meshcatalog.gateway.execution;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who asks and how: carried through planning and execution so that authentication, per-caller
 * limits and header propagation (later issues) have one place to read from.
 *
 * @param caller the authenticated caller, or null while the gateway has no authentication
 * @param headers request headers the gateway may forward or act on, lower-case names
 */
public record RequestContext(@Nullable String caller, Map<String, String> headers) {

  public RequestContext {
    headers = Map.copyOf(headers);
  }

  /** An anonymous caller with no headers. */
  public static RequestContext anonymous() {
    return new RequestContext(null, Map.of());
  }
}
