// The product an access request is for, and the team that decides it: its owning team.
MATCH (p:DataProduct {id: $productId})
WHERE p.placeholder = false
RETURN {{owning-team p}} AS owner
