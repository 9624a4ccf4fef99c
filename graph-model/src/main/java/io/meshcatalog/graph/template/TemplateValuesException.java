package io.meshcatalog.graph.template;

import java.util.List;

/** Values a template cannot be instantiated with, each problem naming the parameter, such as {@code values.table}. */
public final class TemplateValuesException extends IllegalArgumentException {

    private final List<String> problems;

    public TemplateValuesException(String template, List<String> problems) {
        super("values for template " + template + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
