package io.meshcatalog.gateway.execution;

import graphql.language.Document;
import java.util.List;

/**
 * The one place where operation limits are enforced before planning: depth, aliases, size (to be
 * configured in a later issue). Answers the errors to return, empty when the operation is allowed.
 */
public interface OperationLimits {

  /** Allows every operation. */
  OperationLimits NONE = (document, context) -> List.of();

  List<String> check(Document document, RequestContext context);
}
