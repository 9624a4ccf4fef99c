package io.meshcatalog.subgraphs.kit;

import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.graph.access.ExampleAccess;
import io.meshcatalog.graph.vocabulary.CatalogDataset;
import io.meshcatalog.graph.vocabulary.CatalogField;
import io.meshcatalog.graph.vocabulary.CatalogIndex;
import io.meshcatalog.subgraphs.kit.access.CallerAssertions;
import io.meshcatalog.subgraphs.kit.access.CallerInterceptor;
import io.meshcatalog.subgraphs.kit.access.SubgraphCaller;
import io.meshcatalog.subgraphs.kit.catalog.CatalogController;
import io.meshcatalog.subgraphs.kit.catalog.OwnProduct;
import io.meshcatalog.subgraphs.kit.catalog.OwnProductFields;
import io.meshcatalog.subgraphs.kit.catalog.ProductReference;
import io.meshcatalog.subgraphs.kit.entities.EntitiesArgumentErrors;
import io.meshcatalog.subgraphs.kit.entities.EntityController;
import io.meshcatalog.subgraphs.kit.entities.ForeignProducts;
import io.meshcatalog.subgraphs.kit.entities.RepresentationErrors;
import io.meshcatalog.subgraphs.kit.http.GraphQlContentTypeFilter;
import io.meshcatalog.subgraphs.kit.http.GraphQlRequestErrors;
import io.meshcatalog.subgraphs.kit.http.ParsedDocuments;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Everything a domain subgraph needs besides its {@link SubgraphDefinition} bean and its own controllers: import
 * this next to {@code @EnableAutoConfiguration}. Federation goes through Spring GraphQL's
 * {@link FederationSchemaFactory} and federation-jvm, so {@code _service} and {@code _entities} follow the
 * Apollo subgraph specification and a subgraph in any other language composes with these.
 */
@Configuration(proxyBeanMethods = false)
public class SubgraphConfiguration {

    /** Distinct documents kept parsed and validated: a gateway's plans send a few hundred at most. */
    private static final int DOCUMENT_CACHE_SIZE = 1000;

    @Bean
    LoadedDescriptor loadedDescriptor(
            SubgraphDefinition definition, ResourceLoader resources, Environment environment) {
        String override = environment.getProperty(SubgraphDefinition.DESCRIPTOR_PROPERTY, "");
        String location = override.isBlank() ? definition.descriptorLocation() : override;
        return new DescriptorReader(resources).read(location, definition.domain());
    }

    @Bean
    CatalogIndex catalogIndex(LoadedDescriptor loaded) {
        return CatalogIndex.of(loaded.descriptor());
    }

    @Bean
    CallerAssertions callerAssertions(SubgraphDefinition definition, Environment environment) {
        return CallerAssertions.from(environment, definition.domain(), Clock.systemUTC());
    }

    @Bean
    CallerInterceptor callerInterceptor(CallerAssertions callerAssertions) {
        return new CallerInterceptor(callerAssertions);
    }

    @Bean
    CatalogController catalogController(LoadedDescriptor loaded, CatalogIndex index, CallerAssertions assertions) {
        return new CatalogController(
                loaded.descriptor().domain().id().value(), loaded.yaml(), index, assertions.configured());
    }

    @Bean
    EntityController entityController(CatalogIndex index, ObjectProvider<ForeignProducts> foreign) {
        return new EntityController(index, foreign.getIfAvailable(() -> ForeignProducts.NONE));
    }

    @Bean
    RepresentationErrors representationErrors() {
        return new RepresentationErrors();
    }

    @Bean
    EntitiesArgumentErrors entitiesArgumentErrors() {
        return new EntitiesArgumentErrors();
    }

    @Bean
    GraphQlRequestErrors graphQlRequestErrors(Environment environment) {
        return new GraphQlRequestErrors(environment.getProperty("spring.graphql.http.path", "/graphql"));
    }

    @Bean
    GraphQlContentTypeFilter graphQlContentTypeFilter(Environment environment) {
        return new GraphQlContentTypeFilter(environment.getProperty("spring.graphql.http.path", "/graphql"));
    }

    /**
     * The domain's products as the caller may see them, the vocabulary fields of each, and the example values of
     * fields as the caller's scopes allow.
     */
    @Bean
    RuntimeWiringConfigurer domainProductsQuery(SubgraphDefinition definition, CatalogIndex index) {
        List<OwnProduct> products =
                index.products().stream().map(OwnProduct::new).toList();
        return wiring -> wiring.type(
                        "Query",
                        type -> type.dataFetcher(
                                SubgraphSchema.productsField(definition.domain()),
                                env -> products.stream()
                                        .filter(product ->
                                                SubgraphCaller.of(env).sees(product.view()))
                                        .toList()))
                .type("DataProduct", type -> type.defaultDataFetcher(new OwnProductFields()))
                .type(
                        "Field",
                        type -> type.dataFetcher(
                                        "examples", env -> examples(env).values())
                                .dataFetcher(
                                        "examplesWithheld", env -> examples(env).withheld()));
    }

    private static ExampleAccess.Examples examples(DataFetchingEnvironment env) {
        return env.<CatalogField>getSource().examples(SubgraphCaller.of(env).viewer());
    }

    @Bean
    FederationSchemaFactory federationSchemaFactory() {
        ClassNameTypeResolver types = new ClassNameTypeResolver();
        types.addMapping(OwnProduct.class, "DataProduct");
        types.addMapping(ProductReference.class, "DataProduct");
        types.addMapping(CatalogDataset.class, "Dataset");
        FederationSchemaFactory factory = new FederationSchemaFactory();
        factory.setTypeResolver(types);
        return factory;
    }

    @Bean
    GraphQlSourceBuilderCustomizer federationSchema(
            SubgraphDefinition definition, ResourceLoader resources, FederationSchemaFactory factory) {
        SubgraphSchema schema = SubgraphSchema.of(definition, resources);
        ParsedDocuments documents = new ParsedDocuments(DOCUMENT_CACHE_SIZE);
        return builder -> builder.schemaResources(schema.resources())
                .schemaFactory(factory::createGraphQLSchema)
                .configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
