package io.meshcatalog.gateway.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Opaque search cursors: the base64 of {@code offset:<n>}, so clients page with {@code after}
 * without learning (or depending on) how the catalog pages.
 */
final class Cursor {

  private static final String PREFIX = "offset:";

  private Cursor() {
  }

  static String of(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset just after {@code after}; 0 with no cursor. */
  static int offsetAfter(@Nullable String after) {
    if (after == null || after.isEmpty()) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
      if (decoded.startsWith(PREFIX)) {
        int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
        if (offset >= 0 && offset < Integer.MAX_VALUE) {
          return offset + 1;
        }
      }
    } catch (IllegalArgumentException e) {
      // NumberFormatException is an IllegalArgumentException: the same answer below
    }
    throw new IllegalArgumentException("after is not a cursor this catalog issued: \"" + after + "\"");
  }
}
