package io.meshcatalog.gateway.supergraph;

/**
 * A field's output type as written in SDL: the named type plus its list nesting. The planner needs
 * the list depth to build merge paths ({@code products.@}) and the name to look the type up.
 *
 * @param text the type as written, e.g. {@code [Product!]!}
 * @param namedType the innermost named type, e.g. {@code Product}
 * @param listDepth how many list wrappers surround the named type
 */
public record TypeRef(String text, String namedType, int listDepth) {

    /** Reads a type written in SDL syntax. */
    public static TypeRef parse(String text) {
        String name = text.replace("[", "").replace("]", "").replace("!", "").trim();
        int depth = (int) text.chars().filter(c -> c == '[').count();
        return new TypeRef(text, name, depth);
    }
}
