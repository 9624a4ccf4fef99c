/**
 * Operation limits, measured on the parsed document before anything is planned: depth, height, root fields,
 * aliases, the estimated cost (Apollo's demand control: {@code @cost}, {@code @listSize}, an assumed list size) and
 * the nesting of introspection lists. Pure: no Spring, no I/O; every fragment is measured once per parent type, so a
 * document of a few hundred bytes that would expand to millions of fields is measured in microseconds.
 */
@NullMarked
package io.meshcatalog.gateway.limits;

import org.jspecify.annotations.NullMarked;
