package io.meshcatalog.graph.model;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A data product as its domain declares it (ODPS v1.0 product, ODCS v3.1 schema). A product with no
 * {@code team} is owned by its domain's team; {@code visibility} says who may see it. A deprecated product may name
 * the day it goes away ({@code sunset}). A product made from a template names it, with the values it was made with
 * ({@code template}).
 */
public record DataProduct(
        ProductId id,
        String name,
        String version,
        ProductStatus status,
        @Nullable LocalDate sunset,
        Visibility visibility,
        Description description,
        List<String> tags,
        @Nullable Team team,
        List<SupportChannel> support,
        List<InputPort> inputPorts,
        List<OutputPort> outputPorts,
        List<Dataset> datasets,
        List<Consumer> consumers,
        List<SlaProperty> sla,
        @Nullable TemplateRef template) {

    public DataProduct {
        tags = List.copyOf(tags);
        support = List.copyOf(support);
        inputPorts = List.copyOf(inputPorts);
        outputPorts = List.copyOf(outputPorts);
        datasets = List.copyOf(datasets);
        consumers = List.copyOf(consumers);
        sla = List.copyOf(sla);
    }

    public DomainId domain() {
        return id.domain();
    }

    /** The team answerable for the product: its own, or else {@code domain}'s (its domain's). */
    public Team owner(Domain domain) {
        return team != null ? team : domain.team();
    }

    /** The same product, made from {@code made} (a template, with the values it was given). */
    public DataProduct withTemplate(@Nullable TemplateRef made) {
        return new DataProduct(
                id,
                name,
                version,
                status,
                sunset,
                visibility,
                description,
                tags,
                team,
                support,
                inputPorts,
                outputPorts,
                datasets,
                consumers,
                sla,
                made);
    }

    /** The same product in another state of its life, as when the catalog retires it. */
    public DataProduct withStatus(ProductStatus newStatus) {
        return new DataProduct(
                id,
                name,
                version,
                newStatus,
                sunset,
                visibility,
                description,
                tags,
                team,
                support,
                inputPorts,
                outputPorts,
                datasets,
                consumers,
                sla,
                template);
    }
}
