// One level of a breadth-first traversal downstream along FEEDS, from the nodes of the frontier.
UNWIND $frontier AS from
MATCH (n) WHERE elementId(n) = from
MATCH (n)-[:FEEDS]->(m)
// a node reached from several nodes of the frontier comes back once, through the least of them
WITH m, min(from) AS from
RETURN from, elementId(m) AS element, m.id AS id, coalesce(m.name, m.id) AS name, coalesce(m.domain, '') AS domain,
       CASE WHEN m:Consumer THEN 'CONSUMER' WHEN m:Field THEN 'FIELD' ELSE 'DATASET' END AS kind,
       coalesce(m.external, false) AS external, coalesce(m.dataset, '') AS dataset,
       coalesce(m.product, '') AS product, m.retiredAt IS NOT NULL AS retired
