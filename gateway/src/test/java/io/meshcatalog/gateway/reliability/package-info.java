/** The reliability suite: fuzzing over real HTTP, and what it takes to make a gateway answer badly. */
@NullMarked
package io.meshcatalog.gateway.reliability;

import org.jspecify.annotations.NullMarked;
