@NullMarked
package io.meshcatalog.graph.vocabulary;

import org.jspecify.annotations.NullMarked;
