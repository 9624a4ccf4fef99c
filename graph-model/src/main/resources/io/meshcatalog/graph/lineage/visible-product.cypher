// THE visibility rule, the one place it is written for the graph (included as {{visible-product p}}): whether the
// viewer bound in $everything, $authenticated, $subject and $teams, at $now, may see the data product __node__.
// Public products are for anyone, internal ones (also products stored before visibility existed) for any
// authenticated viewer, private ones for the owning team (the product's own team, or its domain's when it names
// none) and for whoever holds an approved grant on it that has not expired (a grant to a team, or to the requester
// alone). Admins and the gateway's own reads see everything. io.meshcatalog.graph.access.ProductAccess is the same
// rule for code without the graph, and ProductAccessIT holds the two together.
// The three ways to a private product are the branches of one subquery, not three subqueries in an OR: the planner
// brings a predicate to conjunctive normal form and plans every copy of a subquery that this makes, which doubled the
// planning time of each statement that includes this rule.
$everything
OR __node__.visibility = 'PUBLIC'
OR ($authenticated AND (
  coalesce(__node__.visibility, 'INTERNAL') = 'INTERNAL'
  OR EXISTS {
    MATCH (__node__)-[:OWNED_BY]->(visOwner:Team) WHERE visOwner.name IN $teams RETURN 1
    UNION
    MATCH (__node__)-[:IN_DOMAIN]->(:Domain)-[:OWNED_BY]->(visOwner:Team)
    WHERE visOwner.name IN $teams AND NOT EXISTS { (__node__)-[:OWNED_BY]->(:Team) } RETURN 1
    UNION
    MATCH (__node__)<-[:FOR_PRODUCT]-(visGrant:AccessRequest) WHERE {{holds-grant visGrant}} RETURN 1
  }
))
