// A whole breadth-first walk along FEEDS inside the server (see LineageProcedures): one round trip, with the
// products of the datasets it touches, the consumers it reaches, and their owners; and which of the nodes it reached
// and the products it touched the viewer may not see, each as [kind, id, answerable team], judged here on the nodes
// the walk holds (hidden-nodes.cypher judges the nodes of answers that did not come from here).
CALL meshcatalog.walk($starts, $downstream, $maxDepth, $maxNodes) YIELD reached, truncated, products, consumers, teams,
  nodes
RETURN reached, truncated, products, consumers, teams,
       CASE WHEN $everything THEN []
            ELSE [n IN nodes WHERE NOT {{visible-node n}} | [{{node-kind n}}, n.id, {{answerable-team n}}]] END AS hidden
