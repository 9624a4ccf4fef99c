package io.meshcatalog.gateway.limits;

/**
 * What one operation measures, as {@link LimitSettings} judges it. Counts saturate at {@link Long#MAX_VALUE}, so a
 * document that would expand beyond any size still has a measure (and is refused for it).
 *
 * @param depth the deepest nesting of fields (a root field is at depth 1; fragments add no depth)
 * @param height the fields, counted as Apollo Router counts them: in each selection set every distinct response
 *     name once, and a fragment's fields each time it is spread
 * @param rootFields the operation's root fields, those of fragments spread at the root included
 * @param aliases the aliased fields, a fragment's each time it is spread
 * @param cost the estimated cost (Apollo's static estimate: composite types 1, scalars and enums 0, {@code @cost}
 *     weights, lists times their assumed size, a mutation 10 more); introspection costs nothing here
 * @param introspectionDepth the deepest nesting of the introspection lists {@code __Type.fields},
 *     {@code inputFields}, {@code interfaces} and {@code possibleTypes}
 */
public record OperationMeasures(
        long depth, long height, long rootFields, long aliases, double cost, long introspectionDepth) {}
