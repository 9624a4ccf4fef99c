package io.meshcatalog.graph.lineage;

/** A person on a team, with the role they have there. */
public record Member(String username, String name, String role) {}
