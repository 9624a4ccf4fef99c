package io.meshcatalog.subgraphs.kit.catalog;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.graph.vocabulary.CatalogIndex;
import io.meshcatalog.subgraphs.kit.access.SubgraphCaller;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * Serves the catalog contract the gateway harvests: the descriptor as written, and the products it declares. The
 * descriptor holds every product, private ones included, so once callers can be told apart ({@code guarded}) it is
 * served only to a caller the gateway asserts sees everything (its own harvest); without a caller secret it cannot
 * be, and stays open so that a gateway without the secret can still harvest (the kit says so at start).
 */
@Controller
public class CatalogController {

    private final String domain;
    private final String descriptorYaml;
    private final CatalogIndex index;
    private final boolean guarded;

    public CatalogController(String domain, String descriptorYaml, CatalogIndex index, boolean guarded) {
        this.domain = domain;
        this.descriptorYaml = descriptorYaml;
        this.index = index;
        this.guarded = guarded;
    }

    @QueryMapping
    public CatalogContract catalogContract(DataFetchingEnvironment env) {
        if (guarded && !SubgraphCaller.of(env).seesEverything()) {
            throw new ContractRefusedException("the catalog contract of domain " + domain + " holds every product it "
                    + "declares; it is for the gateway's harvest, asserted in the mesh-caller header");
        }
        return new CatalogContract(
                domain,
                descriptorYaml,
                index.products().stream().map(OwnProduct::new).toList());
    }

    @GraphQlExceptionHandler
    public GraphQLError refused(ContractRefusedException ex, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.FORBIDDEN)
                .message(ex.getMessage())
                .build();
    }
}
