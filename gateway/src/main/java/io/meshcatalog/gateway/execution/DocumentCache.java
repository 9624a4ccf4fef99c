package io.meshcatalog.gateway.execution;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text, per API schema. The gateway validates before it
 * plans and graphql-java shapes the response afterwards: both read the same entry, so a document is
 * parsed and validated once, not once per request and step.
 */
final class DocumentCache implements PreparsedDocumentProvider {

  private final GraphQLSchema schema;
  private final int maxEntries;
  private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

  DocumentCache(GraphQLSchema schema, int maxEntries) {
    this.schema = schema;
    this.maxEntries = maxEntries;
  }

  /** The parsed and validated document, or its errors. */
  PreparsedDocumentEntry get(ExecutionInput input) {
    PreparsedDocumentEntry cached = entries.get(input.getQuery());
    if (cached != null) {
      return cached;
    }
    ParseAndValidateResult parsed = ParseAndValidate.parse(input);
    PreparsedDocumentEntry entry;
    if (parsed.isFailure()) {
      entry = new PreparsedDocumentEntry(parsed.getErrors());
    } else {
      var errors = ParseAndValidate.validate(schema, parsed.getDocument());
      entry = errors.isEmpty() ? new PreparsedDocumentEntry(parsed.getDocument())
          : new PreparsedDocumentEntry(parsed.getDocument(), errors);
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(input.getQuery(), entry);
    return entry;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    return CompletableFuture.completedFuture(get(input));
  }
}
