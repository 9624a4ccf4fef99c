package io.meshcatalog.gateway.execution;

/** A subgraph that could not be reached or answered something that is not a GraphQL response. */
public class SubgraphFetchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SubgraphFetchException(String message) {
    super(message);
  }

  public SubgraphFetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
