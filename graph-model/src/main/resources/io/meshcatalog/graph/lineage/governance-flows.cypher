// Every flow of personal data out of the mesh: a consumer outside it (external) reading a dataset with a field that
// is, or is derived through at most 10 field-level hops from, a PII field of a product another team owns than the
// consumer's (its own team, else the owner of a product it reads; no team at all counts as another team). Each flow
// once per consumer and PII field, along one shortest path, with the grant that covers it if any: one in force, to
// the consumer's team, for the consumer's purpose. Flows whose ends (the consumer, the PII field) the viewer may not
// see are left out. Bounded by the 10 hops and $limit.
MATCH (consumer:Consumer)<-[:FEEDS]-(dataset:Dataset)-[:HAS_FIELD]->(field:Field)
WHERE consumer.external = true
MATCH path = SHORTEST 1 (source:Field WHERE source.classification = 'PII')-[:FEEDS]->{0,10}(field)
WITH consumer, source, dataset, field, path
ORDER BY length(path), dataset.id, field.id
WITH consumer, source,
     head(collect({fields: [n IN nodes(path) | n.id], dataset: dataset.id})) AS nearest
MATCH (source)<-[:HAS_FIELD]-(:Dataset)<-[:PRODUCES]-(product:DataProduct)
WITH consumer, source, nearest, product, {{owning-team product}} AS productTeam,
     coalesce(head([(consumer)-[:OWNED_BY]->(team:Team) | team.name]),
              head([(consumer)<-[:FEEDS]-(:Dataset)<-[:PRODUCES]-(read:DataProduct) | {{owning-team read}}]),
              '') AS consumerTeam
WHERE productTeam <> consumerTeam AND {{visible-consumer consumer}} AND {{visible-field source}}
RETURN consumer.id AS consumer, coalesce(consumer.name, consumer.id) AS consumerName,
       coalesce(consumer.destination, '') AS destination, consumer.purpose AS purpose, consumerTeam,
       source.id AS field, product.id AS product, productTeam, nearest.fields AS fields, nearest.dataset AS dataset,
       head([(product)<-[:FOR_PRODUCT]-(grant:AccessRequest)
             WHERE {{active-grant grant}} AND grant.team = consumerTeam AND grant.purpose = consumer.purpose
             | grant.id]) AS grant
ORDER BY consumer, field
LIMIT $limit
