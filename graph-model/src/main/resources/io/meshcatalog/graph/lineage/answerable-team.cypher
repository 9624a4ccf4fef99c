// The name of the team answerable for the catalog node __node__, as an answer names it when its viewer may not see the
// node: a product's owning team; a dataset's or a field's product's; a consumer's own team, else that of a product it
// reads.
coalesce(
  head([(__node__:Consumer)-[:OWNED_BY]->(answerableOwn:Team) | answerableOwn.name]),
  head([answerableProduct IN [CASE
      WHEN __node__:DataProduct THEN __node__
      WHEN __node__:Dataset THEN head([(__node__)<-[:PRODUCES]-(answerableOf:DataProduct) | answerableOf])
      WHEN __node__:Field
        THEN head([(__node__)<-[:HAS_FIELD]-(:Dataset)<-[:PRODUCES]-(answerableOf:DataProduct) | answerableOf])
      ELSE head([(__node__)<-[:FEEDS]-(:Dataset)<-[:PRODUCES]-(answerableOf:DataProduct) | answerableOf])
    END] WHERE answerableProduct IS NOT NULL | {{owning-team answerableProduct}}]))
