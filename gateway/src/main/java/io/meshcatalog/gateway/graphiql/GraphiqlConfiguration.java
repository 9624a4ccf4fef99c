package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** GraphiQL's routes as a bean, for the application with the catalog. */
@Configuration(proxyBeanMethods = false)
class GraphiqlConfiguration {

  @Bean
  HttpRoutes graphiqlRoutes(JsonMapper jsonMapper) {
    return GraphiqlRoutes.all(jsonMapper);
  }
}
