/** The gateway application: one Spring Boot app that serves the federated graph. */
@NullMarked
package io.meshcatalog.gateway;

import org.jspecify.annotations.NullMarked;
