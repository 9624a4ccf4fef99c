/**
 * Traces: the OpenTelemetry SDK, configured by the standard {@code OTEL_*} variables, and the one place spans are
 * started and W3C {@code traceparent} headers read and written. Depends on nothing else of the gateway.
 */
@NullMarked
package io.meshcatalog.gateway.observability;

import org.jspecify.annotations.NullMarked;
