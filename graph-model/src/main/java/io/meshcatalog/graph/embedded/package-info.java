/**
 * Where the lineage graph lives: an in-process Neo4j 5.26 LTS reached over Bolt on the loopback
 * interface by default, or an external server or cluster named by {@code NEO4J_URI}.
 */
@NullMarked
package io.meshcatalog.graph.embedded;

import org.jspecify.annotations.NullMarked;
