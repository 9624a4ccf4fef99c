package io.meshcatalog.gateway.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Opaque cursors: the base64 of {@code <kind>:<n>} (a search offset, a lineage answer's node or team offset, an audit
 * log sequence number), so clients page with {@code after} without learning (or depending on) how the catalog pages,
 * and a cursor of one list is refused by another.
 */
final class Cursor {

    private static final String OFFSET = "offset";
    private static final String SEQ = "audit";
    private static final String NODE = "node";
    private static final String OWNER = "owner";

    private Cursor() {}

    /** The cursor of search hit number {@code offset}. */
    static String of(int offset) {
        return encode(OFFSET, offset);
    }

    /** The offset just after {@code after}; 0 with no cursor. */
    static int offsetAfter(@Nullable String after) {
        return offsetAfter(OFFSET, after);
    }

    /** The cursor of a lineage answer's node number {@code offset}. */
    static String ofNode(int offset) {
        return encode(NODE, offset);
    }

    /** The node offset just after {@code after}; 0 with no cursor. */
    static int nodeOffsetAfter(@Nullable String after) {
        return offsetAfter(NODE, after);
    }

    private static int offsetAfter(String kind, @Nullable String after) {
        return after == null || after.isEmpty() ? 0 : (int) decode(kind, after, Integer.MAX_VALUE - 1) + 1;
    }

    /** The cursor of an impact answer's team to notify number {@code offset}. */
    static String ofOwner(int offset) {
        return encode(OWNER, offset);
    }

    /** The team offset just after {@code after}; 0 with no cursor. */
    static int ownerOffsetAfter(@Nullable String after) {
        return offsetAfter(OWNER, after);
    }

    /** The cursor of the audit event numbered {@code seq}. */
    static String ofSeq(long seq) {
        return encode(SEQ, seq);
    }

    /** The audit sequence number {@code after} stands for; 0 (before the first event) with no cursor. */
    static long seqOf(@Nullable String after) {
        return after == null || after.isEmpty() ? 0 : decode(SEQ, after, Long.MAX_VALUE);
    }

    private static String encode(String kind, long n) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String kind, String cursor, long max) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":")) {
                long n = Long.parseLong(decoded.substring(kind.length() + 1));
                if (n >= 0 && n <= max) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException: the same answer below
        }
        throw new IllegalArgumentException("after is not a cursor this catalog issued: \"" + cursor + "\"");
    }
}
