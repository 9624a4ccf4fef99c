package io.meshcatalog.subgraphs.kit;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorProblem;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a descriptor that does not load into a start-up failure report that lists each problem as
 * {@code file:line:column: key: message}, instead of a stack trace the domain team has to dig through.
 */
class DescriptorFailureAnalyzer extends AbstractFailureAnalyzer<DescriptorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DescriptorException cause) {
        String problems = cause.problems().stream()
                .map(DescriptorProblem::toString)
                .collect(Collectors.joining("\n  ", "  ", ""));
        return new FailureAnalysis(
                "The domain descriptor is not valid:\n" + problems,
                "Fix the descriptor at the lines above; the subgraph serves a domain only when its whole descriptor "
                        + "is valid.",
                cause);
    }
}
