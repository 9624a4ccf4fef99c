package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.planning.PlanNode;
import io.meshcatalog.gateway.planning.PlanNode.Condition;
import io.meshcatalog.gateway.planning.PlanNode.Fetch;
import io.meshcatalog.gateway.planning.PlanNode.Flatten;
import io.meshcatalog.gateway.planning.PlanNode.Parallel;
import io.meshcatalog.gateway.planning.PlanNode.Sequence;
import io.meshcatalog.gateway.planning.ResponsePath;
import io.meshcatalog.gateway.planning.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Walks a plan: fetches in a {@link Sequence} one after another, in a {@link Parallel} together.
 * Each fetch failure becomes an error with a client path and leaves the rest of the data intact.
 */
public final class PlanExecutor {

    private final SubgraphClient client;

    public PlanExecutor(SubgraphClient client) {
        this.client = client;
    }

    /** What a plan produced: the merged data and the subgraph errors, with client paths. */
    public record Outcome(Map<String, @Nullable Object> data, List<Map<String, Object>> errors) {}

    /** Runs a plan with the client's variables, for the client of {@code context}. */
    public CompletableFuture<Outcome> execute(
            @Nullable PlanNode plan,
            Map<String, @Nullable Object> variables,
            SubgraphRegistry subgraphs,
            RequestContext context) {
        // a plan of one fetch: nothing is merged into its answer after it, so the answer is the result as it came
        Run run = new Run(variables, subgraphs, context, plan instanceof Fetch);
        CompletableFuture<Void> done = plan == null ? CompletableFuture.completedFuture(null) : run.node(plan, null);
        return done.thenApply(v -> {
            synchronized (run) {
                return new Outcome(run.tree.data(), List.copyOf(run.errors));
            }
        });
    }

    private final class Run {

        final ResultTree tree = new ResultTree();
        final List<Map<String, Object>> errors = new ArrayList<>();
        final Map<String, @Nullable Object> variables;
        final SubgraphRegistry subgraphs;
        final RequestContext context;
        /** Whether the plan is one fetch, whose answer nothing changes after it. */
        final boolean oneFetch;

        Run(
                Map<String, @Nullable Object> variables,
                SubgraphRegistry subgraphs,
                RequestContext context,
                boolean oneFetch) {
            this.variables = variables;
            this.subgraphs = subgraphs;
            this.context = context;
            this.oneFetch = oneFetch;
        }

        CompletableFuture<Void> node(PlanNode node, @Nullable ResponsePath at) {
            if (node instanceof Fetch fetch) {
                return at == null ? rootFetch(fetch) : entityFetch(fetch, at);
            }
            if (node instanceof Sequence sequence) {
                CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                for (PlanNode child : sequence.nodes()) {
                    chain = chain.thenCompose(v -> node(child, at));
                }
                return chain;
            }
            if (node instanceof Parallel parallel) {
                return CompletableFuture.allOf(
                        parallel.nodes().stream().map(child -> node(child, at)).toArray(CompletableFuture[]::new));
            }
            if (node instanceof Flatten flatten) {
                return node(flatten.node(), flatten.path());
            }
            Condition condition = (Condition) node;
            PlanNode branch =
                    Boolean.TRUE.equals(variables.get(condition.variable())) ? condition.ifTrue() : condition.ifFalse();
            return branch == null ? CompletableFuture.completedFuture(null) : node(branch, at);
        }

        private CompletableFuture<Void> rootFetch(Fetch fetch) {
            return send(fetch, usedVariables(fetch)).handle((response, failure) -> {
                synchronized (this) {
                    if (failure != null) {
                        errors.add(fetchError(fetch, failure, null));
                        return null;
                    }
                    if (ResultTree.rename(response.get("data"), fetch.renames()) instanceof Map<?, ?> data) {
                        if (oneFetch) {
                            // the whole answer: taken as it is, immutable containers and all (a hub's impact is
                            // some 100,000 values), since no other fetch merges into it
                            tree.data().putAll(cast(data));
                        } else {
                            // a root fetch's answer is merged once: its containers need no copy
                            ResultTree.mergeOwned(tree.data(), cast(data));
                        }
                    }
                    for (Map<String, Object> error : errorsOf(response)) {
                        errors.add(error);
                    }
                    return null;
                }
            });
        }

        /**
         * Sends the representations of the objects at {@code at}, each once, and merges each answer into every
         * object that sent it. Objects whose contextual arguments differ go in separate requests, in parallel,
         * each with its own values: a fetch has one value per variable.
         */
        private CompletableFuture<Void> entityFetch(Fetch fetch, ResponsePath at) {
            Map<Map<String, @Nullable Object>, Batch> batches = new LinkedHashMap<>();
            synchronized (this) {
                for (ResultTree.Located located : tree.objectsAt(at)) {
                    Map<String, @Nullable Object> representation = representation(fetch, located.object());
                    if (representation != null) {
                        Map<String, @Nullable Object> context =
                                fetch.contextRewrites().isEmpty()
                                        ? Map.of()
                                        : ContextValues.of(tree, located.path(), fetch.contextRewrites());
                        batches.computeIfAbsent(context, c -> new Batch()).add(located, representation);
                    }
                }
            }
            List<CompletableFuture<Void>> sent = batches.entrySet().stream()
                    .map(batch -> fetchBatch(fetch, batch.getValue(), batch.getKey()))
                    .toList();
            return sent.size() == 1 ? sent.get(0) : CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        }

        private CompletableFuture<Void> fetchBatch(Fetch fetch, Batch batch, Map<String, @Nullable Object> context) {
            List<ResultTree.Located> targets = batch.targets;
            List<Integer> representationOf = batch.representationOf;
            Map<Map<String, @Nullable Object>, Integer> unique = batch.unique;
            List<Map<String, @Nullable Object>> representations = new ArrayList<>(unique.keySet());
            Map<String, @Nullable Object> vars = usedVariables(fetch);
            vars.putAll(context);
            vars.put("representations", representations);
            return send(fetch, vars).handle((response, failure) -> {
                synchronized (this) {
                    if (failure != null) {
                        errors.add(fetchError(fetch, failure, targets.get(0).path()));
                        return null;
                    }
                    Object entities = response.get("data") instanceof Map<?, ?> data
                            ? ResultTree.rename(data.get("_entities"), fetch.renames())
                            : null;
                    if (entities instanceof List<?> list && list.size() == unique.size()) {
                        for (int i = 0; i < targets.size(); i++) {
                            Object entity = list.get(representationOf.get(i));
                            if (entity instanceof Map<?, ?> map) {
                                Map<String, @Nullable Object> target =
                                        targets.get(i).object();
                                Map<String, @Nullable Object> result = cast(map);
                                Object sent = representations
                                        .get(representationOf.get(i))
                                        .get("__typename");
                                if (result.containsKey("__typename")
                                        && target.containsKey("__typename")
                                        && !java.util.Objects.equals(target.get("__typename"), sent)) {
                                    // Sent as its interface (@interfaceObject): the answer's typename is the
                                    // interface's.
                                    result = new LinkedHashMap<>(result);
                                    result.remove("__typename");
                                }
                                ResultTree.merge(target, result);
                            }
                        }
                    } else if (errorsOf(response).isEmpty()) {
                        errors.add(error(
                                "Subgraph '" + fetch.subgraph() + "' returned no _entities list matching "
                                        + unique.size() + " representations",
                                targets.get(0).path(),
                                fetch.subgraph()));
                    }
                    for (Map<String, Object> error : errorsOf(response)) {
                        errors.add(repath(error, targets, representationOf));
                    }
                    return null;
                }
            });
        }

        /**
         * What an object sends: the projection through the requires of its own type, else of an
         * abstract type it belongs to; null when the fetch has nothing for it.
         */
        private @Nullable Map<String, @Nullable Object> representation(
                Fetch fetch, Map<String, @Nullable Object> object) {
            Object typename = object.get("__typename");
            Selection.InlineFragment match = null;
            for (Selection.InlineFragment fragment : fetch.requires()) {
                if (fragment.typeCondition().equals(typename)) {
                    match = fragment;
                    break;
                }
                if (match == null && fragment.appliesTo(typename)) {
                    match = fragment;
                }
            }
            if (match == null) {
                return null;
            }
            Map<String, @Nullable Object> representation = ResultTree.project(object, match.selections());
            String as = fetch.representAs().get(match.typeCondition());
            if (representation != null && as != null) {
                representation.put("__typename", as);
            }
            return representation;
        }

        /** Subgraph paths {@code ["_entities", i, …]} become client paths of the entity merged from i. */
        private Map<String, Object> repath(
                Map<String, Object> error, List<ResultTree.Located> targets, List<Integer> representationOf) {
            Map<String, Object> copy = new LinkedHashMap<>(error);
            List<Object> clientPath = targets.get(0).path();
            if (error.get("path") instanceof List<?> path
                    && path.size() >= 2
                    && "_entities".equals(path.get(0))
                    && path.get(1) instanceof Number index) {
                int target = representationOf.indexOf(index.intValue());
                if (target >= 0) {
                    List<Object> full = new ArrayList<>(targets.get(target).path());
                    full.addAll(path.subList(2, path.size()));
                    clientPath = full;
                }
            }
            copy.put("path", clientPath);
            return copy;
        }

        private Map<String, @Nullable Object> usedVariables(Fetch fetch) {
            Map<String, @Nullable Object> used = new LinkedHashMap<>();
            for (String name : fetch.variableUsages()) {
                if (variables.containsKey(name)) {
                    used.put(name, variables.get(name));
                }
            }
            return used;
        }

        private CompletableFuture<Map<String, Object>> send(Fetch fetch, Map<String, @Nullable Object> vars) {
            try {
                return client.execute(new SubgraphRequest(
                        fetch.subgraph(),
                        subgraphs.url(fetch.subgraph()),
                        fetch.operation(),
                        vars,
                        subgraphs.settings(fetch.subgraph()),
                        context,
                        fetch.mutation()));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    /** Objects sent in one {@code _entities} request, each distinct representation once. */
    private static final class Batch {
        final List<ResultTree.Located> targets = new ArrayList<>();
        final List<Integer> representationOf = new ArrayList<>();
        final Map<Map<String, @Nullable Object>, Integer> unique = new LinkedHashMap<>();

        void add(ResultTree.Located target, Map<String, @Nullable Object> representation) {
            targets.add(target);
            representationOf.add(unique.computeIfAbsent(representation, r -> unique.size()));
        }
    }

    private static Map<String, Object> fetchError(Fetch fetch, Throwable failure, @Nullable List<Object> path) {
        Throwable cause = failure.getCause() != null && !(failure instanceof SubgraphFetchException)
                ? failure.getCause()
                : failure;
        return error(
                "HTTP fetch failed from '" + fetch.subgraph() + "': " + cause.getMessage(), path, fetch.subgraph());
    }

    private static Map<String, Object> error(String message, @Nullable List<Object> path, String subgraph) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (path != null) {
            error.put("path", path);
        }
        error.put("extensions", Map.of("code", "SUBREQUEST_HTTP_ERROR", "service", subgraph));
        return error;
    }

    private static List<Map<String, Object>> errorsOf(Map<String, Object> response) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (response.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> error = new LinkedHashMap<>(cast(map));
                    // Locations point into the subgraph operation, which the client never saw.
                    error.remove("locations");
                    out.add(error);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> cast(Map<?, ?> map) {
        return (Map<String, V>) map;
    }
}
