/**
 * The audit log: an append-only, hash-chained record of every write, every refusal and every change of what the
 * gateway serves, for the organisation's SIEM and for admins over GraphQL.
 */
@NullMarked
package io.meshcatalog.gateway.audit;

import org.jspecify.annotations.NullMarked;
