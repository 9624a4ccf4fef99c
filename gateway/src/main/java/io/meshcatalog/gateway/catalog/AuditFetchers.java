package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditReader;
import io.meshcatalog.gateway.execution.Caller;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code auditEvents(after, kinds, actor, first)}: the audit log for admins, a page at a time over {@link AuditReader}.
 * The cursor is the event's sequence number, made opaque ({@link Cursor}); a page that a rare filter ended early
 * still moves the cursor on, so paging always ends.
 */
final class AuditFetchers {

    /** The largest page: as large as the reader serves. */
    static final int MAX_FIRST = AuditReader.MAX_LIMIT;

    private final AuditReader reader;
    private final CatalogAccess access;

    AuditFetchers(AuditReader reader, CatalogAccess access) {
        this.reader = reader;
        this.access = access;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("auditEvents", this::auditEvents));
    }

    private Map<String, Object> auditEvents(DataFetchingEnvironment env) {
        Caller caller = CatalogAccess.context(env).caller();
        if (!caller.admin()) {
            throw access.deny(
                    env, "auditEvents", "audit log", "it is for admins; " + caller.name() + " lacks the ADMIN role");
        }
        int first = CatalogLimits.first(env.getArgument("first"), 50, MAX_FIRST);
        long after = Cursor.seqOf(env.getArgument("after"));
        List<String> kindNames = env.getArgument("kinds");
        Set<AuditKind> kinds = EnumSet.noneOf(AuditKind.class);
        if (kindNames != null) {
            kindNames.forEach(kind -> kinds.add(AuditKind.valueOf(kind)));
        }
        String actor = env.getArgument("actor");
        AuditReader.Page page = reader.page(after, kinds, actor, first);
        Map<String, @Nullable Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", page.more());
        pageInfo.put("endCursor", page.cursor() == 0 ? null : Cursor.ofSeq(page.cursor()));
        return Map.of(
                "edges", page.records().stream().map(GovernanceViews::auditEdge).toList(), "pageInfo", pageInfo);
    }
}
