package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AstPrinter;
import graphql.language.ObjectTypeDefinition;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The catalog subgraph's SDL stays composable with the shared vocabulary of graph-model, as a domain
 * subgraph serves it, and plans the way the catalog relies on: shareable fields stay in the catalog
 * (listed first), lineage fields jump from a domain's products to the catalog by key.
 */
class CatalogSubgraphSchemaTests {

    private static final String DOMAIN = "\nextend type Query { shippingProducts: [DataProduct!]! }\n"
            + "extend type DataProduct @key(fields: \"id\") { onTimeRate: Float }\n";

    private final Supergraph supergraph = new SupergraphParser()
            .parse(new SupergraphComposer()
                    .compose(List.of(
                            new SubgraphSdl(
                                    "catalog",
                                    "http://catalog.invalid/graphql",
                                    resource(CatalogSubgraph.SDL_RESOURCE)),
                            new SubgraphSdl(
                                    "shipping",
                                    "http://shipping.invalid/graphql",
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
    void catalogRootedVocabularyFieldsStayInTheCatalog() {
        assertThat(plan("{ dataset(id: \"customers.contacts\") { id name fields { name classification } } }"))
                .contains("service: \"catalog\"")
                .doesNotContain("service: \"shipping\"");
        assertThat(
                        plan(
                                "{ dataProduct(id: \"customers.contacts\") { datasets { id fields { ref } } inputPorts { name }"
                                        + " outputPorts { name } consumers { kind } sla { unit } support { url } domain { owner { name } } } }"))
                .contains("service: \"catalog\"")
                .doesNotContain("service: \"shipping\"");
    }

    @Test
    void theCatalogDeclaresEveryVocabularyFieldOfItsEntitiesWithTheVocabularysType() {
        Map<String, String> vocabulary = fields(resource("/catalog/catalog.graphqls"));
        Map<String, String> catalog = fields(resource(CatalogSubgraph.SDL_RESOURCE));
        assertThat(vocabulary).isNotEmpty();
        assertThat(catalog).containsAllEntriesOf(vocabulary);
    }

    @Test
    void theHarvestContractStaysOutOfThePublicApi() {
        assertThat(supergraph.apiSchema().getQueryType().getFieldDefinition("catalogContract"))
                .isNull();
        assertThat(supergraph.apiSchema().getQueryType().getFieldDefinition("impact"))
                .isNotNull();
    }

    /** {@code Type.field} to its printed type, for every field of the types the vocabulary shares. */
    private static Map<String, String> fields(String sdl) {
        Set<String> shared = Set.of(
                "DataProduct",
                "Dataset",
                "Field",
                "Domain",
                "Team",
                "TeamMember",
                "SupportChannel",
                "InputPort",
                "OutputPort",
                "Consumer",
                "SlaProperty",
                "ProductDescription");
        Map<String, String> out = new TreeMap<>();
        for (ObjectTypeDefinition type : Parser.parse(sdl).getDefinitionsOfType(ObjectTypeDefinition.class)) {
            if (shared.contains(type.getName())) {
                type.getFieldDefinitions()
                        .forEach(field ->
                                out.put(type.getName() + "." + field.getName(), AstPrinter.printAst(field.getType())));
            }
        }
        return out;
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
