package io.meshcatalog.gateway.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parsed and validated documents by query text, per API schema. The gateway validates before it
 * plans and graphql-java shapes the response afterwards: both read the same entry, so a document is
 * parsed and validated once, not once per request and step.
 */
final class DocumentCache implements PreparsedDocumentProvider {

  private final GraphQLSchema schema;
  private final Cache<String, PreparsedDocumentEntry> entries;

  /** @param maxEntries how many documents it keeps; the least recently used goes first */
  DocumentCache(GraphQLSchema schema, int maxEntries) {
    this.schema = schema;
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  /** The entry of a document seen before, or null. */
  @Nullable PreparsedDocumentEntry cached(String query) {
    return entries.getIfPresent(query);
  }

  /** The parsed and validated document, or its errors. */
  PreparsedDocumentEntry get(ExecutionInput input) {
    return entries.get(input.getQuery(), query -> parseAndValidate(input));
  }

  private PreparsedDocumentEntry parseAndValidate(ExecutionInput input) {
    ParseAndValidateResult parsed = ParseAndValidate.parse(input);
    PreparsedDocumentEntry entry;
    if (parsed.isFailure()) {
      entry = new PreparsedDocumentEntry(parsed.getErrors());
    } else {
      var errors = ParseAndValidate.validate(schema, parsed.getDocument());
      entry = errors.isEmpty() ? new PreparsedDocumentEntry(parsed.getDocument())
          : new PreparsedDocumentEntry(parsed.getDocument(), errors);
    }
    return entry;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    return CompletableFuture.completedFuture(get(input));
  }
}
