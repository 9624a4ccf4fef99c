package io.meshcatalog.graph.model;

/** ODPS/ODCS v3.1 {@code team.members[]}: a person and their role (owner, steward, contributor …). */
public record TeamMember(String username, String name, String role) {}
