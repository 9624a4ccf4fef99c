// Whether the viewer may see the field __node__: when it may see the field's dataset.
$everything
OR EXISTS { MATCH (__node__)<-[:HAS_FIELD]-(visFieldDataset:Dataset) WHERE {{visible-dataset visFieldDataset}} }
