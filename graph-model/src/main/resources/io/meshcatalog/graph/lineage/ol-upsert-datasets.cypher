// Datasets known only from OpenLineage, with the fields of their schema facet.
UNWIND $datasets AS dataset
MERGE (d:Dataset {id: dataset.id})
SET d.name = dataset.name, d.namespace = dataset.namespace, d.physicalName = dataset.name,
    d.domain = coalesce(d.domain, ''), d.placeholder = false, d.source = 'openlineage',
    d.keywords = dataset.keywords, d.description = coalesce(d.description, '')
WITH d, dataset
UNWIND dataset.fields AS field
MERGE (f:Field {id: dataset.id + '.' + field.name})
SET f.name = field.name, f.logicalType = field.type, f.description = field.description,
    f.dataset = dataset.id, f.domain = '', f.placeholder = false, f.keywords = field.name
MERGE (d)-[:HAS_FIELD]->(f)
