package io.meshcatalog.graph.descriptor;

import java.util.List;
import java.util.stream.Collectors;

/** A descriptor that cannot be loaded, with every problem found in it, not only the first. */
public final class DescriptorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<DescriptorProblem> problems;

    public DescriptorException(List<DescriptorProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DescriptorProblem> problems() {
        return problems;
    }

    private static String describe(List<DescriptorProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in descriptor:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
