package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import io.meshcatalog.gateway.planning.QueryPlanner;
import io.meshcatalog.gateway.supergraph.SubgraphSdl;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphComposer;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog subgraph's SDL stays composable with the shared vocabulary of graph-model, as a domain
 * subgraph serves it, and plans the way the catalog relies on: shareable fields stay in the catalog
 * (listed first), lineage fields jump from a domain's products to the catalog by key.
 */
class CatalogSubgraphSchemaTests {

  private static final String DOMAIN = "\nextend type Query { shippingProducts: [DataProduct!]! }\n"
      + "extend type DataProduct @key(fields: \"id\") { onTimeRate: Float }\n";

  private final Supergraph supergraph = new SupergraphParser().parse(new SupergraphComposer().compose(List.of(
      new SubgraphSdl("catalog", "http://catalog.invalid/graphql", resource(CatalogSubgraph.SDL_RESOURCE)),
      new SubgraphSdl("shipping", "http://shipping.invalid/graphql",
          resource("/catalog/catalog.graphqls") + DOMAIN))));

  @Test
  void aDomainProductReachesItsImpactInTheCatalogByKey() {
    String plan = plan("{ shippingProducts { name onTimeRate impact { truncated } } }");
    assertThat(plan).contains("Fetch(service: \"shipping\")", "Fetch(service: \"catalog\")", "_entities");
    assertThat(plan.indexOf("service: \"shipping\"")).isLessThan(plan.indexOf("service: \"catalog\""));
  }

  @Test
  void aCatalogProductGetsOnlyDomainOwnFieldsFromTheDomain() {
    String plan = plan("{ dataProduct(id: \"shipping.delay_predictions\") { name owner { name } onTimeRate } }");
    assertThat(plan).contains("query { dataProduct(id: \"shipping.delay_predictions\") { name owner { name }");
    assertThat(plan).containsOnlyOnce("service: \"shipping\"").contains("onTimeRate");
  }

  @Test
  void theHarvestContractStaysOutOfThePublicApi() {
    assertThat(supergraph.apiSchema().getQueryType().getFieldDefinition("catalogContract")).isNull();
    assertThat(supergraph.apiSchema().getQueryType().getFieldDefinition("impact")).isNotNull();
  }

  private String plan(String operation) {
    return new QueryPlanner(supergraph).plan(Parser.parse(operation), null).print();
  }

  private static String resource(String name) {
    try (InputStream in = CatalogSubgraphSchemaTests.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
