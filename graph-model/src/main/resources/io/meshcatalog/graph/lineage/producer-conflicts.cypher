// Datasets of the incoming product that another product already publishes: not a retired one, nor one of the same
// domain its new descriptor no longer declares (it is retired by the same upsert, and its datasets pass on).
UNWIND $datasetIds AS datasetId
MATCH (d:Dataset {id: datasetId})<-[:PRODUCES]-(other:DataProduct)
WHERE other.id <> $productId AND other.status <> 'RETIRED'
  AND NOT (other.domain = $domain AND NOT other.id IN $declared)
RETURN d.id AS dataset, other.id AS producer
