/**
 * The HTTP edge: {@code POST /graphql} (GraphQL over HTTP, JSON in and out), {@code GET /health},
 * and the wiring that loads the supergraph and keeps it fresh.
 */
@NullMarked
package io.meshcatalog.gateway.http;

import org.jspecify.annotations.NullMarked;
