package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.graph.lineage.Notification;
import io.meshcatalog.graph.lineage.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code notifications(team, before, first)}: what the outbox told (or is telling) teams, newest first. Admins see
 * every team's; a member sees its own teams'; anonymous callers nothing.
 */
final class NotificationFetchers {

    private final Outbox outbox;

    NotificationFetchers(Outbox outbox) {
        this.outbox = outbox;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("notifications", this::notifications));
    }

    private List<Map<String, @Nullable Object>> notifications(DataFetchingEnvironment env) {
        Caller caller = CatalogAccess.context(env).caller();
        if (!caller.authenticated()) {
            return List.of();
        }
        String team = env.getArgument("team");
        String before = env.getArgument("before");
        Integer first = env.getArgument("first");
        return outbox
                .list(
                        team,
                        caller.admin() ? null : caller.teams(),
                        before == null ? null : RunFetchers.instant("before", before),
                        first == null ? 20 : first)
                .stream()
                .map(NotificationFetchers::view)
                .toList();
    }

    private static Map<String, @Nullable Object> view(Notification n) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", n.id());
        out.put("team", n.team());
        out.put("kind", n.kind());
        out.put("subject", n.subject());
        out.put("product", n.product());
        out.put("reason", n.reason());
        out.put("affected", n.affected());
        out.put("at", n.at());
        out.put("state", n.state());
        out.put("attempts", n.attempts());
        out.put("createdAt", n.createdAt());
        out.put("sentAt", n.sentAt());
        out.put("lastError", n.lastError());
        return out;
    }
}
