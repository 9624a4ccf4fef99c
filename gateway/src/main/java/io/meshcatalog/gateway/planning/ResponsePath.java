package io.meshcatalog.gateway.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in the response a fetch merges: response keys, with {@code @} for "every element of this
 * list". Immutable; {@link #segment} returns a new path.
 */
public record ResponsePath(List<String> segments) {

  /** The flatten marker for list elements. */
  public static final String EVERY = "@";

  public ResponsePath {
    segments = List.copyOf(segments);
  }

  /** The response root. */
  public static ResponsePath root() {
    return new ResponsePath(List.of());
  }

  /** This path followed by one more segment. */
  public ResponsePath segment(String key) {
    List<String> next = new ArrayList<>(segments);
    next.add(key);
    return new ResponsePath(next);
  }

  @Override
  public String toString() {
    return String.join(".", segments);
  }
}
