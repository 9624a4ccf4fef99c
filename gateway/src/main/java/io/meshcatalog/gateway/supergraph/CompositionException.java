package io.meshcatalog.gateway.supergraph;

import java.util.List;

/** Subgraphs that do not compose; each error names the subgraph, type and field at fault. */
public class CompositionException extends SupergraphException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public CompositionException(List<String> errors) {
        super("composition failed:\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, one per line. */
    public List<String> errors() {
        return errors;
    }
}
