// Whether the access request __node__ is a grant in force for the viewer: made to one of $teams, or to $subject alone.
{{active-grant __node__}}
AND (__node__.team IN $teams OR (__node__.team IS NULL AND __node__.requester = $subject AND $subject <> ''))
