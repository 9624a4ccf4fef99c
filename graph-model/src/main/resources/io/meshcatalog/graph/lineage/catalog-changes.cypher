// How many changes each scope has seen.
MATCH (c:CatalogChange)
RETURN c.scope AS scope, c.count AS count
