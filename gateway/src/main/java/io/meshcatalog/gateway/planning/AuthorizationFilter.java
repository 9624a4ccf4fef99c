package io.meshcatalog.gateway.planning;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.meshcatalog.gateway.supergraph.AuthRequirements;
import io.meshcatalog.gateway.supergraph.FieldDef;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.TypeDef;
import io.meshcatalog.gateway.supergraph.TypeKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Apollo's authorization directives applied to operations before they are planned, as Apollo's router applies
 * them: what the caller may not read is removed from the operation, each removal named by its path, and the rest
 * runs. Pure: the caller comes as {@link Rights}.
 *
 * <p>What a filtered operation looks like depends only on which of the requirements it meets the caller is denied
 * ({@link Denials}): {@link #checks} lists those requirements once per document, so plans can be cached per
 * document and set of denials, shared by every caller with the same rights, and a document that meets no
 * requirement is planned as if there were no directives.
 */
public final class AuthorizationFilter {

    private final Model model;
    private final Options options;

    /**
     * How removals are applied, as the router's {@code authorization.directives} options.
     *
     * @param dryRun name what would be removed, in errors, and remove nothing ({@code dry_run})
     * @param rejectUnauthorized run nothing of an operation when anything of it is removed ({@code reject_unauthorized})
     */
    public record Options(boolean dryRun, boolean rejectUnauthorized) {

        /** Remove what is denied and run the rest. */
        public static final Options DEFAULTS = new Options(false, false);
    }

    public AuthorizationFilter(Supergraph supergraph, Options options) {
        this.model = new Model(supergraph);
        this.options = options;
    }

    /** The requirements an operation meets, each once; none when it reads nothing protected. */
    public Checks checks(Document document, @Nullable String operationName) {
        if (!model.protects) {
            return Checks.NONE;
        }
        Set<AuthRequirements> met = new LinkedHashSet<>();
        OperationDefinition operation = Operations.select(document, operationName);
        // Nothing is denied, so the walk keeps everything and meets every requirement any caller could be denied.
        new OperationFilter(
                        model,
                        document,
                        requirement -> {
                            met.add(requirement);
                            return false;
                        },
                        true)
                .operation(operation, model.rootType(operation), new RemovedPaths());
        return met.isEmpty() ? Checks.NONE : new Checks(List.copyOf(met));
    }

    /** The operation as a caller denied {@code denials} of its {@link #checks} may run it. */
    public Filtered filter(Document document, @Nullable String operationName, Checks checks, Denials denials) {
        if (denials.isEmpty()) {
            return Filtered.unchanged(document);
        }
        RemovedPaths removed = new RemovedPaths();
        OperationDefinition operation = Operations.select(document, operationName);
        OperationFilter walk = new OperationFilter(
                model, document, requirement -> checks.denies(denials, requirement), options.dryRun());
        OperationDefinition kept = walk.operation(operation, model.rootType(operation), removed);
        boolean runsNothing = kept == null || (options.rejectUnauthorized() && !removed.isEmpty());
        // Whatever is removed, in the operation or in a fragment it spreads, is named: nothing named, nothing changed.
        if (kept == null || removed.isEmpty() || options.dryRun()) {
            return new Filtered(document, removed.paths(), removed.omitted(), runsNothing);
        }
        @SuppressWarnings("rawtypes")
        List<Definition> definitions = new ArrayList<>();
        definitions.add(kept);
        definitions.addAll(walk.keptFragments());
        return new Filtered(
                document.transform(b -> b.definitions(definitions)), removed.paths(), removed.omitted(), runsNothing);
    }

    /** The distinct requirements an operation meets, in the order it meets them; none when it reads nothing protected. */
    public static final class Checks {

        /** An operation that reads nothing protected. */
        public static final Checks NONE = new Checks(List.of());

        private final List<AuthRequirements> requirements;
        private final Map<AuthRequirements, Integer> positions = new java.util.HashMap<>();

        Checks(List<AuthRequirements> requirements) {
            this.requirements = List.copyOf(requirements);
            for (int i = 0; i < this.requirements.size(); i++) {
                positions.put(this.requirements.get(i), i);
            }
        }

        public List<AuthRequirements> requirements() {
            return requirements;
        }

        public boolean isEmpty() {
            return requirements.isEmpty();
        }

        /** The policy names the requirements mention: what the policy hook is asked about. */
        public Set<String> policyNames() {
            Set<String> names = new LinkedHashSet<>();
            requirements.forEach(r -> names.addAll(r.policyNames()));
            return names;
        }

        /** Which of the requirements a caller with these rights does not meet. */
        public Denials denials(Rights rights) {
            BitSet bits = new BitSet(requirements.size());
            for (int i = 0; i < requirements.size(); i++) {
                if (!rights.meets(requirements.get(i))) {
                    bits.set(i);
                }
            }
            return bits.isEmpty() ? Denials.NONE : new Denials(bits);
        }

        /** Whether {@code denials} denies a requirement; one these checks never met is denied (it cannot happen). */
        boolean denies(Denials denials, AuthRequirements requirement) {
            Integer position = positions.get(requirement);
            return position == null || denials.denies(position);
        }
    }

    /** Which requirements of an operation's {@link Checks} a caller is denied: with the document, what it may run. */
    public static final class Denials {

        /** Nothing denied. */
        public static final Denials NONE = new Denials(new BitSet());

        private final BitSet bits;

        private Denials(BitSet bits) {
            this.bits = (BitSet) bits.clone();
        }

        public boolean isEmpty() {
            return bits.isEmpty();
        }

        boolean denies(int requirement) {
            return bits.get(requirement);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Denials denials && bits.equals(denials.bits);
        }

        @Override
        public int hashCode() {
            return bits.hashCode();
        }

        @Override
        public String toString() {
            return "Denials" + bits;
        }
    }

    /**
     * An operation as a caller may run it.
     *
     * @param document the document to plan: the original when nothing was removed, else the operation as kept with
     *     the fragments it still spreads
     * @param removed the paths removed (or, dry run, that would be), at most {@link RemovedPaths#MAX}
     * @param omitted how many more removals there were beyond those named
     * @param runsNothing whether nothing of the operation runs: everything was removed, or something was and
     *     {@link Options#rejectUnauthorized()} is set
     */
    public record Filtered(Document document, List<List<String>> removed, long omitted, boolean runsNothing) {

        public Filtered {
            removed = List.copyOf(removed);
        }

        /** Nothing removed. */
        public static Filtered unchanged(Document document) {
            return new Filtered(document, List.of(), 0, false);
        }
    }

    /** The supergraph as the filter reads it, with what interfaces inherit from their implementations computed once. */
    static final class Model {

        private final Supergraph supergraph;
        private final boolean protects;
        private final Map<String, List<AuthRequirements>> implementations = new LinkedHashMap<>();
        private final Map<String, List<AuthRequirements>> implementationFields = new LinkedHashMap<>();

        Model(Supergraph supergraph) {
            this.supergraph = supergraph;
            this.protects = supergraph.hasAccessRequirements();
            if (!protects) {
                return;
            }
            for (TypeDef type : supergraph.types().values()) {
                if (type.kind() != TypeKind.INTERFACE) {
                    continue;
                }
                for (String name : supergraph.possibleTypes(type.name())) {
                    TypeDef implementation = supergraph.types().get(name);
                    if (implementation == null) {
                        continue;
                    }
                    addIfAny(implementations, type.name(), implementation.access());
                    for (FieldDef field : implementation.fields().values()) {
                        if (type.fields().containsKey(field.name())) {
                            addIfAny(implementationFields, type.name() + "." + field.name(), field.access());
                        }
                    }
                }
            }
        }

        private static void addIfAny(Map<String, List<AuthRequirements>> map, String key, AuthRequirements access) {
            if (!access.isNone()) {
                map.computeIfAbsent(key, k -> new ArrayList<>()).add(access);
            }
        }

        @Nullable
        TypeDef type(String name) {
            return supergraph.types().get(name);
        }

        /** The type requirements of an interface's implementations (none stated: empty). */
        List<AuthRequirements> implementations(String interfaceName) {
            return implementations.getOrDefault(interfaceName, List.of());
        }

        /** The requirements the implementations of an interface state on one of its fields. */
        List<AuthRequirements> implementationFields(String interfaceName, String field) {
            return implementationFields.getOrDefault(interfaceName + "." + field, List.of());
        }

        String rootType(OperationDefinition operation) {
            String mutation = supergraph.mutationType();
            return operation.getOperation() == OperationDefinition.Operation.MUTATION && mutation != null
                    ? mutation
                    : operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                            ? "Subscription"
                            : supergraph.queryType();
        }
    }
}
