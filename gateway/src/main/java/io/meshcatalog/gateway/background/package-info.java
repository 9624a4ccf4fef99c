/** Work the gateway repeats in the background, for every part that keeps something fresh. */
@NullMarked
package io.meshcatalog.gateway.background;

import org.jspecify.annotations.NullMarked;
