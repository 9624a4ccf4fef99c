// Whether the viewer may see the consumer __node__: when it may see a product whose datasets it reads.
$everything
OR EXISTS { MATCH (__node__)<-[:FEEDS]-(:Dataset)<-[:PRODUCES]-(visConsumerProduct:DataProduct)
            WHERE {{visible-product visConsumerProduct}} }
