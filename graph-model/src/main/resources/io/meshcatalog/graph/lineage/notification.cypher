// A notification __node__ packed as Outbox reads it.
{
  id: __node__.id, team: __node__.team, kind: __node__.kind, subject: __node__.subject,
  product: coalesce(__node__.product, ''), reason: __node__.reason, affected: coalesce(__node__.affected, []),
  at: toString(__node__.at), state: __node__.state, attempts: __node__.attempts,
  createdAt: toString(__node__.createdAt), sentAt: toString(__node__.sentAt), lastError: __node__.lastError
}
