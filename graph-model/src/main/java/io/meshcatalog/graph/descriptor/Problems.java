package io.meshcatalog.graph.descriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, each positioned at a YAML node. */
final class Problems {

    private final String file;
    private final List<DescriptorProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(Node at, String path, String message) {
        list.add(new DescriptorProblem(
                file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, path, message));
    }

    void add(int line, int column, String path, String message) {
        list.add(new DescriptorProblem(file, line, column, path, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<DescriptorProblem> sorted() {
        return list.stream()
                .sorted(Comparator.comparingInt(DescriptorProblem::line).thenComparingInt(DescriptorProblem::column))
                .toList();
    }
}
