// Counts a change to what every gateway on this graph keeps in memory of $scope, in the transaction that makes it, so
// each of them reloads it when it sees the count move (CatalogChanges).
MERGE (c:CatalogChange {scope: $scope})
SET c.count = coalesce(c.count, 0) + 1, c.at = $at
