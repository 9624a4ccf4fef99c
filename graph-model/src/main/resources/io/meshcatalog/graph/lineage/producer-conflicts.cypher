// Datasets of the incoming product that another product already publishes.
UNWIND $datasetIds AS datasetId
MATCH (d:Dataset {id: datasetId})<-[:PRODUCES]-(other:DataProduct)
WHERE other.id <> $productId
RETURN d.id AS dataset, other.id AS producer
