package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.catalog.ConditionalOnCatalog;
import io.meshcatalog.gateway.execution.CallerHeaders;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.graph.embedded.GraphConnection;
import io.meshcatalog.graph.keys.ApiKeyRepository;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication as beans, for the application with the catalog; the parts come from {@link SecurityWiring}, as in
 * the plain start. With the catalog, admins' keys are kept in its graph and managed over GraphQL.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Authentication runs early among the edge checks: later ones may read the caller. */
    static final int ORDER = 100;

    @Bean
    SecuritySettings securitySettings(SecurityProperties properties, Environment environment) {
        return SecurityWiring.settings(properties, environment);
    }

    @Bean
    @ConditionalOnCatalog
    ApiKeyRepository apiKeyRepository(GraphConnection catalogGraph) {
        ApiKeyRepository repository = new ApiKeyRepository(catalogGraph.driver());
        repository.initSchema();
        return repository;
    }

    @Bean(destroyMethod = "close")
    ApiKeys apiKeys(SecuritySettings securitySettings, ObjectProvider<ApiKeyRepository> apiKeyRepository) {
        ApiKeyRepository stored = apiKeyRepository.getIfAvailable();
        return SecurityWiring.apiKeys(
                securitySettings, stored == null ? List::of : stored::all, stored != null, Clock.systemUTC());
    }

    @Bean
    @Order(ORDER)
    EdgeCheck authentication(
            SecuritySettings securitySettings,
            ApiKeys apiKeys,
            ExecutorService httpWorkers,
            AuditLog auditLog,
            JsonMapper jsonMapper) {
        return SecurityWiring.authentication(
                securitySettings, apiKeys, httpWorkers, auditLog, jsonMapper, Clock.systemUTC());
    }

    @Bean
    CallerHeaders callerHeaders(SecuritySettings securitySettings, ObjectProvider<GrantLookup> grants) {
        return SecurityWiring.callerHeaders(
                securitySettings, grants.getIfAvailable(() -> GrantLookup.NONE), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnCatalog
    ApiKeyAdmin apiKeyAdmin(
            ApiKeyRepository apiKeyRepository, ApiKeys apiKeys, SecuritySettings securitySettings, AuditLog auditLog) {
        return new ApiKeyAdmin(
                apiKeyRepository, apiKeys, auditLog, securitySettings.keyMaxLifetime(), Clock.systemUTC());
    }
}
