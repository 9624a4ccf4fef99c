package io.meshcatalog.gateway.supergraph;

/**
 * An argument a subgraph reads from an ancestor's context ({@code @fromContext}), as one entry of
 * {@code @join__field(contextArguments:)}. Clients never pass it (it is not in the API schema): the gateway
 * finds its value in the response, on the nearest ancestor whose type sets the context, and sends it in a
 * variable of the entity fetch that resolves the field.
 *
 * @param name the argument name in the subgraph
 * @param type the argument type in the subgraph, as written ({@code [String]})
 * @param context the context read, as the supergraph names it ({@code <subgraph>__<name>})
 * @param selection what is read on the type that sets the context: {@code prop}, {@code a { b { prop } }},
 *     {@code ... on A { prop } ... on B { prop }}
 * @param variable the variable the value travels in, named as Apollo's planner names it:
 *     {@code contextualArgument_<n>_<i>}, {@code n} the subgraph's position among the subgraph names sorted (from
 *     1), {@code i} the argument's position among the subgraph's contextual arguments sorted by coordinate
 */
public record ContextArgument(String name, String type, String context, FieldSet selection, String variable) {}
