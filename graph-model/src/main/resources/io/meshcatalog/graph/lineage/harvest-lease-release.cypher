// Ends $holder's claims: of $domain, or of every domain when $domain is null; a harvest that succeeded ($harvestedAt
// not null) is recorded as the domain's last. Another holder's claim is left alone.
MATCH (l:HarvestLease {holder: $holder})
WHERE $domain IS NULL OR l.domain = $domain
SET l.holder = null, l.until = null,
    l.harvestedAt = coalesce($harvestedAt, l.harvestedAt),
    l.harvestedBy = CASE WHEN $harvestedAt IS NULL THEN l.harvestedBy ELSE $holder END
RETURN count(l) AS released
