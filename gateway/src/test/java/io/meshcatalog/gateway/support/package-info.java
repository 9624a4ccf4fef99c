/** Test support: subgraphs served over real HTTP from SDL and JSON fixtures, golden cases. */
@NullMarked
package io.meshcatalog.gateway.support;

import org.jspecify.annotations.NullMarked;
