// Consumers of the product's datasets (dashboards, models, reverse-ETL destinations) and their owners.
UNWIND $consumers AS consumer
MERGE (c:Consumer {id: consumer.id})
SET c += consumer.properties
WITH c, consumer
CALL (c, consumer) {
  UNWIND consumer.owner AS ownerName
  MERGE (t:Team {name: ownerName})
    ON CREATE SET t.description = ''
  WITH c, t
  OPTIONAL MATCH (c)-[old:OWNED_BY]->(:Team)
  DELETE old
  WITH DISTINCT c, t
  MERGE (c)-[:OWNED_BY]->(t)
}
WITH c, consumer
UNWIND consumer.datasets AS datasetId
MATCH (d:Dataset {id: datasetId})
MERGE (d)-[:FEEDS]->(c)
