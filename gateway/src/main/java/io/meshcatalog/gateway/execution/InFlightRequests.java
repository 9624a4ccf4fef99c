package io.meshcatalog.gateway.execution;

import graphql.language.OperationDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Inbound in-flight deduplication: identical queries that clients send while one of them is being executed share that
 * execution ({@link InFlight}). Identical means everything that can change the answer: the document, the operation,
 * the variables, whether the plan is asked for, the caller, the client's headers that are forwarded to subgraphs, and
 * the plan the request was given (which the caller's rights, its policies and its override labels chose). Mutations
 * and subscriptions never share. Only an answer without errors is shared: the requests that waited for an answer with
 * errors run on their own, so each failure and each denial is its own (a denial is recorded in the audit log with the
 * request's address). Answers are shared as they are: nothing changes a response once it is made.
 */
final class InFlightRequests {

    private final boolean enabled;
    private final Set<String> forwarded;
    private final InFlight<Key, GatewayResponse> inFlight =
            new InFlight<>(InFlightRequests::shareable, answer -> answer);

    /**
     * @param enabled whether identical queries share executions at all ({@code gateway.deduplicate-requests})
     * @param forwarded the client headers any subgraph is sent (lower-case names)
     */
    InFlightRequests(boolean enabled, Set<String> forwarded) {
        this.enabled = enabled;
        this.forwarded = Set.copyOf(forwarded);
    }

    /** What makes two requests the same request. */
    private record Key(
            String query,
            @Nullable String operationName,
            Map<String, @Nullable Object> variables,
            boolean includePlan,
            Caller caller,
            Map<String, String> headers,
            Same planned) {}

    /** A value compared by identity: the plan a request was given, from the plan caches. */
    private record Same(Object value) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /**
     * The answer to {@code request}, planned as {@code planned}: from {@code execution}, or from the execution of an
     * identical query in flight.
     */
    CompletableFuture<GatewayResponse> run(
            GatewayRequest request,
            OperationDefinition.Operation kind,
            Object planned,
            Supplier<CompletableFuture<GatewayResponse>> execution) {
        if (!enabled || kind != OperationDefinition.Operation.QUERY) {
            return execution.get();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.context().headers().forEach((name, value) -> {
            if (forwarded.contains(name)) {
                headers.put(name, value);
            }
        });
        return inFlight.run(
                new Key(
                        request.query(),
                        request.operationName(),
                        request.variables(),
                        request.includePlan(),
                        request.context().caller(),
                        headers,
                        new Same(planned)),
                execution);
    }

    /** How many distinct executions are in flight now. */
    int size() {
        return inFlight.size();
    }

    private static boolean shareable(GatewayResponse answer) {
        return answer.kind() == GatewayResponse.Kind.EXECUTED && !answer.body().containsKey("errors");
    }
}
