// Whether the access request __node__ is a grant in force at $now: approved, and its `until` not reached. Expired
// grants stop working by this comparison alone, with nothing to clean up.
__node__.status = 'APPROVED' AND __node__.until > $now
