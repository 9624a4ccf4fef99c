// The descriptor text each harvested domain was last read from.
MATCH (d:Domain)
WHERE d.descriptorYaml IS NOT NULL
RETURN d.id AS domain, d.descriptorYaml AS descriptorYaml
ORDER BY domain
