/**
 * The gateway's pages, served from the jar (webjars) so they work offline: GraphiQL at {@code /graphiql}, with the
 * saved operations of {@code queries/} as its tabs, and the catalog UI at {@code /ui}.
 */
@NullMarked
package io.meshcatalog.gateway.graphiql;

import org.jspecify.annotations.NullMarked;
