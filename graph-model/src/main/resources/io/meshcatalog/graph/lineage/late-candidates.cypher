// Catalog datasets with a freshness SLA and a complete write, with what health reads: the LATE sweep's candidates.
MATCH (d:Dataset)
WHERE d.freshnessMs IS NOT NULL AND d.lastCompleteAt IS NOT NULL AND d.product IS NOT NULL
WITH d LIMIT $limit
RETURN d.product AS product, {{write-facts d}} AS facts
