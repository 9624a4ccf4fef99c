// Datasets by id, to continue a traversal at dataset level.
UNWIND $ids AS datasetId
MATCH (d:Dataset {id: datasetId})
RETURN elementId(d) AS element, d.id AS id, 'DATASET' AS kind, coalesce(d.name, d.id) AS name,
       coalesce(d.domain, '') AS domain, coalesce(d.product, '') AS product, d.retiredAt IS NOT NULL AS retired
