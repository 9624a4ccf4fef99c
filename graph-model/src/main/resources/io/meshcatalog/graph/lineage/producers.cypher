// The product that publishes each dataset.
UNWIND $datasetIds AS datasetId
MATCH (d:Dataset {id: datasetId})<-[:PRODUCES]-(p:DataProduct)
RETURN d.id AS dataset, p.id AS id, p.name AS name, p.domain AS domain
