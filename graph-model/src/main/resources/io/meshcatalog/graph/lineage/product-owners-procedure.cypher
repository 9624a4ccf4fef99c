// product-owners.cypher inside the server (see LineageProcedures): the same rows, read off relationships.
CALL meshcatalog.productOwners($productIds) YIELD owned, name, domain, team, description, inherited, members
RETURN owned, name, domain, team, description, inherited, members
