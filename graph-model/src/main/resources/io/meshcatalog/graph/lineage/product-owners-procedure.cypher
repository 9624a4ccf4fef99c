// product-owners.cypher inside the server (see LineageProcedures), packed in one row: products and their teams.
CALL meshcatalog.productOwners($productIds) YIELD products, teams
RETURN products, teams
