/**
 * The command-line tools of {@code gateway.jar} that run instead of the gateway and talk to a running one, such as
 * {@code check}, the descriptor check a domain's CI runs.
 */
@NullMarked
package io.meshcatalog.gateway.cli;

import org.jspecify.annotations.NullMarked;
