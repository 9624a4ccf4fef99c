package io.meshcatalog.subgraphs.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DescriptorFailureAnalyzerTests {

    @Test
    void startUpReportListsEveryProblemWithFileLineAndKey() {
        DescriptorException problems = new DescriptorException(List.of(
                new DescriptorProblem("shipping.yaml", 12, 7, "products[0].status", "unknown value 'live'"),
                new DescriptorProblem("shipping.yaml", 30, 9, "products[1].id", "missing required key 'id'")));

        FailureAnalysis analysis = new DescriptorFailureAnalyzer()
                .analyze(new BeanCreationException("loadedDescriptor", "failed", problems));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains(
                        "shipping.yaml:12:7: products[0].status: unknown value 'live'",
                        "shipping.yaml:30:9: products[1].id: missing required key 'id'");
    }
}
