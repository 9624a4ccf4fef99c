package io.meshcatalog.gateway.catalog;

import java.util.Map;

/** Reads one subgraph's catalog contract; throws with the reason when it cannot. */
@FunctionalInterface
interface ContractFetcher {

    /** The query every domain subgraph answers for the harvest ({@code @inaccessible} in the public API). */
    String QUERY = "{ catalogContract { domain descriptorYaml } }";

    /** Fetches from {@code url}, sending {@code headers} (the subgraph's configured ones, such as credentials). */
    Contract fetch(String subgraph, String url, Map<String, String> headers);

    /** A subgraph's answer: the domain it serves and its descriptor. */
    record Contract(String domain, String descriptorYaml) {}
}
