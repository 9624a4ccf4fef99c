// The data product a search hit __node__ belongs to: itself, the product of its dataset (or of the dataset that holds
// the field), or, for a consumer, a product whose dataset feeds it; null when none.
coalesce(CASE WHEN __node__:DataProduct THEN __node__ END,
         head([(__node__)<-[:HAS_FIELD]-(:Dataset)<-[:PRODUCES]-(hitProduct:DataProduct) | hitProduct]),
         head([(__node__)<-[:PRODUCES]-(hitProduct:DataProduct) | hitProduct]),
         head([(__node__)<-[:FEEDS]-(:Dataset)<-[:PRODUCES]-(hitProduct:DataProduct) | hitProduct]))
