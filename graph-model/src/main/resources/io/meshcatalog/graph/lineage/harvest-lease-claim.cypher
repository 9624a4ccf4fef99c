// Claims the harvest of $domain for $holder until $until: when no other holder's claim runs past $now, and the domain
// was not harvested after $freshAfter (null: however recently). The lease is written to before it is read, so its
// write lock is held: two gateways never both read it as free. Answers the lease as it stands after the claim.
MERGE (l:HarvestLease {domain: $domain})
SET l.claimedAt = $now
WITH l, (l.holder IS NULL OR l.holder = $holder OR l.until < $now)
     AND ($freshAfter IS NULL OR l.harvestedAt IS NULL OR l.harvestedAt <= $freshAfter) AS claimed
FOREACH (_ IN CASE WHEN claimed THEN [1] ELSE [] END | SET l.holder = $holder, l.until = $until)
RETURN claimed, l.holder AS holder, l.until AS until, l.harvestedAt AS harvestedAt, l.harvestedBy AS harvestedBy
