// Claims the idempotency keys of a group of OpenLineage events for this transaction, and says which graph dataset
// each dataset the events name is.
//
// The uniqueness constraint on LineageEventKey.key makes concurrent claims of one key wait for each other: exactly
// one transaction creates the node (and sees its own $attempt), the others find it and see what the first one
// recorded. Keys older than $before are forgotten, a bounded number per group.
//
// An event's dataset is the catalog dataset whose id or physicalName is its name, when exactly one matches;
// otherwise it is a dataset of its own, keyed <namespace>/<name>.
CALL () {
  UNWIND $keys AS key
  MERGE (k:LineageEventKey {key: key})
    ON CREATE SET k.attempt = $attempt, k.at = $now
  RETURN collect({key: key, fresh: k.attempt = $attempt, job: k.job, run: k.run,
                  datasets: coalesce(k.datasets, []), matched: coalesce(k.matched, [])}) AS claims
}
CALL () {
  MATCH (old:LineageEventKey) WHERE old.at < $before
  WITH old LIMIT 100
  DELETE old
}
CALL () {
  UNWIND $datasets AS dataset
  OPTIONAL MATCH (byId:Dataset {id: dataset.name})
  WHERE byId.placeholder = false AND byId.product IS NOT NULL
  OPTIONAL MATCH (byName:Dataset {physicalName: dataset.name})
  WHERE byName.placeholder = false AND byName.product IS NOT NULL
  WITH dataset, collect(DISTINCT byId) + collect(DISTINCT byName) AS candidates
  WITH dataset, [c IN candidates | c.id] AS ids
  WITH dataset, reduce(unique = [], id IN ids | CASE WHEN id IN unique THEN unique ELSE unique + id END) AS ids
  RETURN collect({key: dataset.key, id: CASE WHEN size(ids) = 1 THEN ids[0] ELSE dataset.key END,
                  catalog: size(ids) = 1}) AS resolved
}
RETURN claims, resolved
