// The fields of each dataset.
UNWIND $rows AS row
MATCH (d:Dataset {id: row.dataset})
UNWIND row.fields AS field
CREATE (d)-[:HAS_FIELD]->(:Field {id: field.id, name: field.name, dataset: row.dataset, domain: row.domain,
                                  position: field.position, logicalType: 'string', placeholder: false})
