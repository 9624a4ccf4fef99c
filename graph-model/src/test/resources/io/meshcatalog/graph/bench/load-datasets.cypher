// Datasets, each published by its product.
UNWIND $rows AS row
MATCH (p:DataProduct {id: row.product})
CREATE (p)-[:PRODUCES]->(:Dataset {id: row.id, name: row.name, domain: row.domain, product: row.product,
                                   description: row.description, physicalName: 'lake.' + row.id, tags: [],
                                   placeholder: false})
