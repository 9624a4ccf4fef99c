package io.meshcatalog.graph.openlineage;

import java.util.List;

/** An event that cannot be stored, with every problem found, each at its JSON pointer. */
public final class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidEventException(List<String> problems) {
        super("invalid OpenLineage event: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
