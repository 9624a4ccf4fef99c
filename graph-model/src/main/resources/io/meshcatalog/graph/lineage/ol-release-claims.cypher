// Gives back the keys this transaction claimed for events it refused, so that nothing of them is stored.
UNWIND $keys AS key
MATCH (k:LineageEventKey {key: key})
WHERE k.attempt = $attempt
DELETE k
