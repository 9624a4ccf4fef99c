// An access request as the store answers it, at $now: a pending request or an approved grant whose `until` has
// passed reads as EXPIRED.
__node__ {.id, .product, .requester, .team, .purpose, .until, .requestedAt, .decidedBy, .decidedAt, .revokedBy, .revokedAt,
  .note,
  status: CASE WHEN __node__.status IN ['PENDING', 'APPROVED'] AND __node__.until <= $now THEN 'EXPIRED'
               ELSE __node__.status END}
