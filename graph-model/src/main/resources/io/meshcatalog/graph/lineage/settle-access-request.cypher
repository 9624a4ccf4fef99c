// Records a decision (APPROVED, DENIED) or a revocation (REVOKED) of an access request, with who and when; it stops
// being pending. A revocation keeps who decided the request.
MATCH (r:AccessRequest {id: $id})
SET r.status = $status, r.note = $note,
    r.decidedBy = CASE WHEN $status = 'REVOKED' THEN r.decidedBy ELSE $by END,
    r.decidedAt = CASE WHEN $status = 'REVOKED' THEN r.decidedAt ELSE $now END,
    r.revokedBy = CASE WHEN $status = 'REVOKED' THEN $by ELSE r.revokedBy END,
    r.revokedAt = CASE WHEN $status = 'REVOKED' THEN $now ELSE r.revokedAt END
REMOVE r.pendingKey
RETURN {{access-request r}} AS request
