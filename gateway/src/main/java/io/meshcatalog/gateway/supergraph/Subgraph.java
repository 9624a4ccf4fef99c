package io.meshcatalog.gateway.supergraph;

/**
 * One member of the federation as the supergraph names it.
 *
 * @param name the subgraph name from {@code @join__graph(name:)}, used in plans and errors
 * @param enumValue the {@code join__Graph} value that the {@code join__} directives refer to
 * @param url where the gateway sends the subgraph's fetches
 */
public record Subgraph(String name, String enumValue, String url) {}
