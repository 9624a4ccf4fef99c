/**
 * GraphiQL at {@code /graphiql}, served from the jar (webjars) so it works offline, with the saved
 * operations of {@code queries/} as its tabs.
 */
@NullMarked
package io.meshcatalog.gateway.graphiql;

import org.jspecify.annotations.NullMarked;
