package io.meshcatalog.graph.vocabulary;

import io.meshcatalog.graph.model.Team;

/** The GraphQL {@code Domain}. */
public record CatalogDomain(String id, String name, String description, Team owner) {}
