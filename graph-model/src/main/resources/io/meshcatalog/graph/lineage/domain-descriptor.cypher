// The descriptor text a domain was last read from; none before its first harvest.
MATCH (d:Domain {id: $domain})
RETURN d.descriptorYaml AS descriptorYaml
