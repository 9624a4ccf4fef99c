/** The marketing domain's subgraph: audiences pushed to the ad platforms, and what paid media costs. */
@NullMarked
package io.meshcatalog.subgraphs.marketing;

import org.jspecify.annotations.NullMarked;
