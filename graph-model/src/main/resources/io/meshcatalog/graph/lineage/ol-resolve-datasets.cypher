// Which catalog dataset each OpenLineage dataset is: one whose id or physicalName is the event's
// name, when exactly one matches; otherwise it is a dataset of its own, keyed <namespace>/<name>.
UNWIND $datasets AS dataset
OPTIONAL MATCH (byId:Dataset {id: dataset.name})
WHERE byId.placeholder = false AND byId.product IS NOT NULL
OPTIONAL MATCH (byName:Dataset {physicalName: dataset.name})
WHERE byName.placeholder = false AND byName.product IS NOT NULL
WITH dataset, collect(DISTINCT byId) + collect(DISTINCT byName) AS candidates
WITH dataset, [c IN candidates | c.id] AS ids
WITH dataset, reduce(unique = [], id IN ids | CASE WHEN id IN unique THEN unique ELSE unique + id END) AS ids
RETURN dataset.key AS key, CASE WHEN size(ids) = 1 THEN ids[0] ELSE dataset.key END AS id, size(ids) = 1 AS catalog
