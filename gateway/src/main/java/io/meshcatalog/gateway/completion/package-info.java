/**
 * Value completion by copying: the selections of an operation per concrete type ({@code @skip}/{@code @include}
 * decided once), and a completion that copies values where graphql-java's execution would only copy. The gateway
 * shapes merged subgraph data with it; the catalog completes its resolvers' large answers with it. Pure: graphql-java
 * only.
 */
@NullMarked
package io.meshcatalog.gateway.completion;

import org.jspecify.annotations.NullMarked;
