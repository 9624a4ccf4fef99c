package io.meshcatalog.graph.lineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One team told about one alert, as the outbox holds it.
 *
 * @param state PENDING (to send, maybe again), SENT, FAILED (gave up) or UNROUTED (the team has no webhook)
 * @param affected what the team owns that is downstream of the subject, nearest first
 * @param at when what it tells of happened
 */
public record Notification(
        String id,
        String team,
        String kind,
        String subject,
        String product,
        String reason,
        List<String> affected,
        String at,
        String state,
        int attempts,
        String createdAt,
        @Nullable String sentAt,
        @Nullable String lastError) {}
