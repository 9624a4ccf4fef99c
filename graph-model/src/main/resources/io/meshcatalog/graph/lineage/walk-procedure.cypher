// A whole breadth-first walk along FEEDS inside the server (see LineageProcedures): one round trip, with the
// products of the datasets it touches, the consumers it reaches, and their owners.
CALL meshcatalog.walk($starts, $downstream, $maxDepth, $maxNodes) YIELD reached, truncated, products, consumers, teams
RETURN reached, truncated, products, consumers, teams
