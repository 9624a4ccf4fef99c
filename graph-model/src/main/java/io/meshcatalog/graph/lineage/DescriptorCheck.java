package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;

/**
 * Checks a proposed descriptor of a domain against the one the catalog last harvested: each product's changes (a
 * product the proposal leaves out would be retired), then the downstream impact of the breaking ones, as the caller
 * may see it. Writes nothing. Products the caller may not see are not compared, so a proposal cannot reveal them.
 */
final class DescriptorCheck {

    /** The most breaking changes one check follows downstream, a walk each. */
    static final int MAX_WALKED = 100;

    private final Driver driver;
    private final CypherLog cypher;
    private final LineageAnalysis analysis;

    DescriptorCheck(Driver driver, CypherLog cypher, LineageAnalysis analysis) {
        this.driver = driver;
        this.cypher = cypher;
        this.analysis = analysis;
    }

    DescriptorCheckReport check(
            ViewerParameters viewer,
            @Nullable DomainDescriptor current,
            DomainDescriptor proposed,
            @Nullable Integer depth) {
        Map<String, @Nullable DataProduct> before = new LinkedHashMap<>();
        Map<String, @Nullable DataProduct> after = new LinkedHashMap<>();
        if (current != null) {
            current.products().forEach(p -> before.put(p.id().value(), p));
        }
        proposed.products().forEach(p -> after.put(p.id().value(), p));
        List<String> ids = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(ids::add);
        HiddenNodes hidden = HiddenNodes.among(
                driver,
                cypher,
                viewer,
                ids.stream().map(id -> new NodeKey(NodeKind.PRODUCT, id)).toList());
        List<SchemaChange> changes = new ArrayList<>();
        int notCompared = 0;
        for (String id : ids) {
            if (hidden.hides(new NodeKey(NodeKind.PRODUCT, id))) {
                notCompared++;
            } else {
                changes.addAll(ProductDiff.between(before.get(id), after.get(id)));
            }
        }
        List<LineageAnalysis.Proposed> breaking = changes.stream()
                .filter(SchemaChange::breaking)
                .map(change -> new LineageAnalysis.Proposed(change.item(), change.describe()))
                .toList();
        List<String> notes = new ArrayList<>();
        if (breaking.size() > MAX_WALKED) {
            notes.add("only the first " + MAX_WALKED + " of " + breaking.size() + " breaking changes were followed "
                    + "downstream");
            breaking = breaking.subList(0, MAX_WALKED);
        }
        if (current == null) {
            notes.add("the catalog holds no descriptor of domain "
                    + proposed.domain().id() + " yet: everything in it" + " is new");
        }
        if (notCompared > 0) {
            notes.add(notCompared + " product(s) of the domain you may not see were not compared");
        }
        return new DescriptorCheckReport(
                proposed.domain().id().value(),
                changes,
                analysis.impactOf(viewer, List.of(), breaking, notes, depth),
                notCompared);
    }
}
