package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** GraphiQL's routes and the catalog UI's as beans, for the application with the catalog. */
@Configuration(proxyBeanMethods = false)
class GraphiqlConfiguration {

    @Bean
    HttpRoutes graphiqlRoutes(JsonMapper jsonMapper) {
        return GraphiqlRoutes.all(jsonMapper);
    }

    @Bean
    HttpRoutes catalogUiRoutes(JsonMapper jsonMapper) {
        return CatalogUiRoutes.all(jsonMapper);
    }
}
