// The kind of the catalog node __node__, as NodeKind names it.
CASE WHEN __node__:DataProduct THEN 'PRODUCT' WHEN __node__:Dataset THEN 'DATASET' WHEN __node__:Field THEN 'FIELD'
     ELSE 'CONSUMER' END
