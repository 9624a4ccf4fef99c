/**
 * Who is asking, decided once at the HTTP edge: API keys (hashed, expiring, revocable) and JWT bearer tokens
 * (Spring Security's Nimbus decoder) become the {@link io.meshcatalog.gateway.execution.Caller} of each call, each
 * route's access level is enforced, and every fetch to a subgraph carries a signed assertion of that caller rather
 * than the client's credential. The planner, the executor and the supergraph model know nothing of this package.
 */
@NullMarked
package io.meshcatalog.gateway.security;

import org.jspecify.annotations.NullMarked;
