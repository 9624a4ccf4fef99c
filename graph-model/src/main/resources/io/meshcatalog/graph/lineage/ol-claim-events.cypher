// Claims the idempotency keys of a group of OpenLineage events for this transaction. The uniqueness constraint on
// LineageEventKey.key makes concurrent claims of one key wait for each other: exactly one transaction creates the
// node (and sees its own $attempt), the others find it and see what the first one recorded. Keys older than
// $before are forgotten, a bounded number per group.
UNWIND $keys AS key
MERGE (k:LineageEventKey {key: key})
  ON CREATE SET k.attempt = $attempt, k.at = $now
WITH collect({key: key, fresh: k.attempt = $attempt, job: k.job, run: k.run, datasets: coalesce(k.datasets, []),
              matched: coalesce(k.matched, [])}) AS claims
CALL () {
  MATCH (old:LineageEventKey) WHERE old.at < $before
  WITH old LIMIT 100
  DELETE old
}
UNWIND claims AS claim
RETURN claim.key AS key, claim.fresh AS fresh, claim.job AS job, claim.run AS run, claim.datasets AS datasets,
       claim.matched AS matched
