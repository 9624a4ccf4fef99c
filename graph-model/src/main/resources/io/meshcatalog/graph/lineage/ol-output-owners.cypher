// The team answerable for each catalog dataset an event would write lineage into: its product's owning team.
UNWIND $datasetIds AS datasetId
MATCH (d:Dataset {id: datasetId})<-[:PRODUCES]-(p:DataProduct)
RETURN d.id AS dataset, {{owning-team p}} AS team
