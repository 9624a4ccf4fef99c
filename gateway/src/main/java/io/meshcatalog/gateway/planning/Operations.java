package io.meshcatalog.gateway.planning;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parts of a document one request runs: the operation it names and the fragments by name. */
public final class Operations {

    private Operations() {}

    /**
     * The operation a request runs: the one named, or the only one.
     *
     * @throws PlanningException when the name matches none, or no name is given for several
     */
    public static OperationDefinition select(Document document, @Nullable String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition op : operations) {
            if (operationName == null ? operations.size() == 1 : operationName.equals(op.getName())) {
                return op;
            }
        }
        throw new PlanningException(
                operations.isEmpty()
                        ? "the document has no operation"
                        : operationName == null
                                ? "the document has several operations: name the one to run"
                                : "the document has no operation named " + operationName);
    }

    /** The document's fragment definitions by name, in document order. */
    public static Map<String, FragmentDefinition> fragments(Document document) {
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return fragments;
    }
}
