// The product node, its domain, its owner (when it names one), ports, SLA and support.
MERGE (p:DataProduct {id: $product.id})
SET p += $product.properties, p.placeholder = false, p.descriptor = $descriptor,
    p.retiredAt = CASE WHEN $product.properties.status = 'RETIRED' THEN p.retiredAt END,
    p.retiredBy = CASE WHEN $product.properties.status = 'RETIRED' THEN p.retiredBy END
WITH p
MATCH (d:Domain {id: $product.domain})
MERGE (p)-[:IN_DOMAIN]->(d)
WITH p
CALL (p) {
  UNWIND $product.owner AS ownerName
  MATCH (t:Team {name: ownerName})
  MERGE (p)-[:OWNED_BY]->(t)
}
CALL (p) {
  UNWIND $product.outputPorts AS port
  CREATE (p)-[:HAS_PORT]->(o:OutputPort)
  SET o = port
}
CALL (p) {
  UNWIND $product.sla AS sla
  CREATE (p)-[:HAS_SLA]->(s:SlaProperty)
  SET s = sla
}
CALL (p) {
  UNWIND $product.support AS support
  CREATE (p)-[:HAS_SUPPORT]->(s:SupportChannel)
  SET s = support
}
RETURN p.id AS id
