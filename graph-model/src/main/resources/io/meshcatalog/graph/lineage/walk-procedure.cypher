// A whole breadth-first walk along FEEDS inside the server (see LineageProcedures): one round trip.
CALL meshcatalog.walk($starts, $downstream, $maxDepth, $maxNodes) YIELD reached, truncated
RETURN reached, truncated
