// Whether the viewer may see __node__, whatever kind of catalog node it is.
CASE
  WHEN __node__:DataProduct THEN {{visible-product __node__}}
  WHEN __node__:Dataset THEN {{visible-dataset __node__}}
  WHEN __node__:Field THEN {{visible-field __node__}}
  WHEN __node__:Consumer THEN {{visible-consumer __node__}}
  ELSE $everything
END
