/** Benchmarks, run on demand (not by {@code mvn verify}). */
@NullMarked
package io.meshcatalog.gateway.bench;

import org.jspecify.annotations.NullMarked;
