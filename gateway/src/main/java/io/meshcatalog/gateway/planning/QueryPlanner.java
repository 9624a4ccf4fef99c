package io.meshcatalog.gateway.planning;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import io.meshcatalog.gateway.planning.FetchGroup.Condition;
import io.meshcatalog.gateway.supergraph.ContextArgument;
import io.meshcatalog.gateway.supergraph.FieldDef;
import io.meshcatalog.gateway.supergraph.FieldJoin;
import io.meshcatalog.gateway.supergraph.FieldSet;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.TypeDef;
import io.meshcatalog.gateway.supergraph.TypeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans a validated operation against a {@link Supergraph}.
 *
 * <p>The planner walks the operation once. Each selection is planned in a cursor: a fetch group
 * (one subgraph), the place in that group's selection set, the response path and the parent type.
 * A field the cursor's subgraph resolves is added in place; any other field is an entity jump: the
 * cursor adds {@code __typename} and a key the target subgraph accepts, and the field moves to a
 * dependent {@code _entities} group at the same path, after the groups that fetch its
 * {@code @requires}. Among subgraphs that can resolve a field, the one reachable in one hop that
 * resolves most of the sub-selection wins (fewest hops); ties go to {@code join__Graph} order.
 * Groups are then laid out in dependency levels: a {@link PlanNode.Sequence} of
 * {@link PlanNode.Parallel} levels.
 */
public final class QueryPlanner {

    private static final int MAX_HOPS = 8;

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    /**
     * Plans one operation of a document that already passed validation against the API schema.
     *
     * @throws PlanningException when the operation asks for something no subgraph can resolve
     */
    public QueryPlan plan(Document document, @Nullable String operationName) {
        return plan(document, operationName, PlanningBudget.UNLIMITED);
    }

    /**
     * Plans one operation within a budget, asked at every step.
     *
     * @throws PlanningAbandoned when the budget says to stop
     * @throws PlanningException when the operation asks for something no subgraph can resolve
     */
    public QueryPlan plan(Document document, @Nullable String operationName, PlanningBudget budget) {
        OperationDefinition operation = Operations.select(document, operationName);
        Map<String, FragmentDefinition> fragments = Operations.fragments(document);
        Map<String, VariableDefinition> variables = new LinkedHashMap<>();
        operation.getVariableDefinitions().forEach(v -> variables.put(v.getName(), v));
        return switch (operation.getOperation()) {
            case QUERY ->
                new Run(fragments, variables, false, budget)
                        .planRoot(supergraph.queryType(), operation.getSelectionSet());
            case MUTATION -> planMutation(operation, fragments, variables, budget);
            default -> throw new PlanningException("subscriptions are not supported by this gateway yet");
        };
    }

    private QueryPlan planMutation(
            OperationDefinition operation,
            Map<String, FragmentDefinition> fragments,
            Map<String, VariableDefinition> variables,
            PlanningBudget budget) {
        String mutationType = supergraph.mutationType();
        if (mutationType == null) {
            throw new PlanningException("the supergraph has no mutation type");
        }
        // Mutations run in document order: consecutive root fields of one subgraph share a fetch.
        List<PlanNode> steps = new ArrayList<>();
        Run probe = new Run(fragments, variables, true, budget);
        List<graphql.language.Selection<?>> unit = new ArrayList<>();
        String unitGraph = null;
        for (graphql.language.Selection<?> selection : probe.rootFields(mutationType, operation.getSelectionSet())) {
            Field field = (Field) selection;
            String graph = probe.chooseRootGraph(mutationType, field, unitGraph);
            if (unitGraph != null && !unitGraph.equals(graph)) {
                addStep(steps, probe, mutationType, unit);
                unit = new ArrayList<>();
            }
            unitGraph = graph;
            unit.add(field);
        }
        addStep(steps, probe, mutationType, unit);
        if (steps.isEmpty()) {
            return new QueryPlan(null);
        }
        return new QueryPlan(steps.size() == 1 ? steps.get(0) : new PlanNode.Sequence(steps));
    }

    private void addStep(
            List<PlanNode> steps, Run probe, String mutationType, List<graphql.language.Selection<?>> unit) {
        if (unit.isEmpty()) {
            return;
        }
        SelectionSet.Builder builder = SelectionSet.newSelectionSet();
        unit.forEach(builder::selection);
        SelectionSet set = builder.build();
        PlanNode node = probe.fresh().planRoot(mutationType, set).node();
        if (node != null) {
            steps.add(node);
        }
    }

    /**
     * Where the planner is: a group, a place in its selection, a response path, a parent type. In an
     * entity fetch, {@code entry} is the cursor of the fetch it was entered from (null in a root fetch).
     */
    private record Cursor(
            FetchGroup group,
            SelectionBuilder selection,
            ResponsePath path,
            String parentType,
            @Nullable SelectionSet provided,
            List<Condition> conditions,
            boolean entityRoot,
            int hops,
            List<Link> chain,
            boolean internal,
            @Nullable Cursor entry) {

        /** The entry for a field here: the client's own, or one the planner needs (keys, requires). */
        SelectionBuilder.FieldEntry add(Field field, boolean composite) {
            return internal ? selection.internalField(field, composite) : selection.field(field, composite);
        }

        /**
         * A field with its type in this cursor's subgraph, which may force an alias; a planner's field goes under an
         * alias when {@code nameTaken}: the client's selection here uses its name for something else.
         */
        SelectionBuilder.FieldEntry add(Field field, boolean composite, String localType, boolean nameTaken) {
            return internal
                    ? selection.internalField(field, composite, nameTaken)
                    : selection.field(field, composite, localType);
        }

        Cursor at(SelectionBuilder newSelection, String newParentType) {
            List<Link> next = chain;
            if (!newParentType.equals(parentType)) {
                next = new ArrayList<>(chain);
                next.add(new Link(null, newParentType, this));
            }
            return new Cursor(
                    group,
                    newSelection,
                    path,
                    newParentType,
                    provided,
                    conditions,
                    entityRoot,
                    hops,
                    next,
                    internal,
                    entry);
        }

        Cursor along(ResponsePath newPath) {
            return new Cursor(
                    group,
                    selection,
                    newPath,
                    parentType,
                    provided,
                    conditions,
                    entityRoot,
                    hops,
                    chain,
                    internal,
                    entry);
        }

        Cursor with(List<Condition> newConditions) {
            return new Cursor(
                    group,
                    selection,
                    path,
                    parentType,
                    provided,
                    newConditions,
                    entityRoot,
                    hops,
                    chain,
                    internal,
                    entry);
        }

        Cursor into(
                SelectionBuilder children,
                ResponsePath childPath,
                String childType,
                @Nullable SelectionSet childProvided,
                Field field) {
            List<Link> next = new ArrayList<>(chain);
            next.add(new Link(field, parentType, this));
            return new Cursor(
                    group,
                    children,
                    childPath,
                    childType,
                    childProvided,
                    conditions,
                    false,
                    hops,
                    next,
                    internal,
                    entry);
        }
    }

    /**
     * One step from a fetch's root to a cursor: a field (on {@code type}) or, with no field, a type
     * condition to {@code type}; {@code from} is the cursor before the step. Lets the planner ask
     * another subgraph for the same path, from the root or from an entity on the way.
     */
    private record Link(@Nullable Field field, String type, Cursor from) {}

    /**
     * A client fragment at one place of the plan: the fetch, its selection there, the response path, the parent type and
     * what else decides how a field is planned there. Fetches and selections compare by identity.
     */
    private record FragmentAt(
            String fragment,
            String directives,
            FetchGroup group,
            SelectionBuilder selection,
            ResponsePath path,
            String parentType,
            @Nullable SelectionSet provided,
            List<Condition> conditions,
            boolean internal,
            boolean entityRoot,
            int hops) {}

    /** The state of planning one operation (or one mutation step). */
    private final class Run {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, VariableDefinition> variables;
        private final boolean mutation;
        private final Map<String, FetchGroup> groups = new LinkedHashMap<>();
        private final Deque<Set<FetchGroup>> trackers = new ArrayDeque<>();
        /** Entity fetches whose {@code @requires} fields are being planned: never a source of their own. */
        private final Deque<FetchGroup> requiring = new ArrayDeque<>();

        private final ClientKeys clientKeys = new ClientKeys();
        /**
         * The client's fragments planned so far, each at one place: spread again there, a fragment adds nothing (its
         * fields merge by response key), so it is planned once per place, never once per spread.
         */
        private final Set<FragmentAt> plannedFragments = new java.util.HashSet<>();

        private final PlanningBudget budget;

        Run(
                Map<String, FragmentDefinition> fragments,
                Map<String, VariableDefinition> variables,
                boolean mutation,
                PlanningBudget budget) {
            this.fragments = fragments;
            this.variables = variables;
            this.mutation = mutation;
            this.budget = budget;
        }

        /** A new run of the same operation under the same budget: a mutation's next step. */
        Run fresh() {
            return new Run(fragments, variables, mutation, budget);
        }

        /** One step of planning: the budget may stop it here. */
        private void step() {
            PlanningAbandoned exhausted = budget.exhausted();
            if (exhausted != null) {
                throw exhausted;
            }
        }

        QueryPlan planRoot(String rootType, SelectionSet selectionSet) {
            for (graphql.language.Selection<?> selection : rootFields(rootType, selectionSet)) {
                Field field = (Field) selection;
                List<Condition> conditions = conditions(field.getDirectives());
                String graph = chooseRootGraph(rootType, field, null);
                FetchGroup group = group("root|" + graph, graph, ResponsePath.root(), false, List.of(), null);
                Cursor cursor = new Cursor(
                        group,
                        group.selection,
                        ResponsePath.root(),
                        rootType,
                        null,
                        conditions,
                        false,
                        0,
                        List.of(),
                        false,
                        null);
                planField(cursor, field);
            }
            return new QueryPlan(new PlanAssembler(supergraph, variables, mutation).assemble(groups.values()));
        }

        /** Root fields with fragments flattened and literal conditions applied; introspection left out. */
        List<graphql.language.Selection<?>> rootFields(String rootType, SelectionSet selectionSet) {
            List<graphql.language.Selection<?>> result = new ArrayList<>();
            collectRootFields(rootType, selectionSet, List.of(), result);
            return result;
        }

        private void collectRootFields(
                String rootType, SelectionSet set, List<Directive> inherited, List<graphql.language.Selection<?>> out) {
            collectRootFields(rootType, set, inherited, out, new java.util.HashSet<>());
        }

        /**
         * As the GraphQL specification's CollectFields, with its visited fragments: a fragment spread again at the root
         * under the same directives adds nothing and is not walked again.
         */
        private void collectRootFields(
                String rootType,
                SelectionSet set,
                List<Directive> inherited,
                List<graphql.language.Selection<?>> out,
                Set<String> visited) {
            for (graphql.language.Selection<?> selection : set.getSelections()) {
                step();
                if (selection instanceof Field field) {
                    if (excludedByLiteral(field.getDirectives())
                            || field.getName().startsWith("__")) {
                        continue;
                    }
                    List<Directive> directives = new ArrayList<>(field.getDirectives());
                    directives.addAll(inherited);
                    out.add(field.transform(b -> b.directives(directives)));
                } else if (selection instanceof InlineFragment fragment) {
                    if (!excludedByLiteral(fragment.getDirectives())) {
                        List<Directive> directives = new ArrayList<>(inherited);
                        directives.addAll(fragment.getDirectives());
                        collectRootFields(rootType, fragment.getSelectionSet(), directives, out, visited);
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition definition = fragments.get(spread.getName());
                    if (definition != null && !excludedByLiteral(spread.getDirectives())) {
                        List<Directive> directives = new ArrayList<>(inherited);
                        directives.addAll(spread.getDirectives());
                        String key = spread.getName()
                                + directives.stream()
                                        .map(graphql.language.AstPrinter::printAst)
                                        .toList();
                        if (visited.add(key)) {
                            collectRootFields(rootType, definition.getSelectionSet(), directives, out, visited);
                        }
                    }
                }
            }
        }

        /** The subgraph for a root field: most of the sub-selection local, then the preferred one, then order. */
        String chooseRootGraph(String rootType, Field field, @Nullable String preferred) {
            List<String> candidates = supergraph.graphsResolving(rootType, field.getName());
            if (candidates.isEmpty()) {
                throw new PlanningException("no subgraph resolves " + rootType + "." + field.getName());
            }
            return candidates.stream()
                    .min(Comparator.<String>comparingInt(g -> -score(g, rootType, field))
                            .thenComparingInt(g -> g.equals(preferred) || groups.containsKey("root|" + g) ? 0 : 1)
                            .thenComparingInt(supergraph::order))
                    .orElseThrow();
        }

        private void planSelections(Cursor cursor, SelectionSet selections) {
            if (!cursor.internal()) {
                clientKeys.add(cursor.path(), selections, fragments);
            }
            for (graphql.language.Selection<?> selection : selections.getSelections()) {
                step();
                if (selection instanceof Field field) {
                    if (excludedByLiteral(field.getDirectives())) {
                        continue;
                    }
                    planField(withConditions(cursor, field.getDirectives()), field);
                } else if (selection instanceof InlineFragment fragment) {
                    String condition = fragment.getTypeCondition() == null
                            ? cursor.parentType()
                            : fragment.getTypeCondition().getName();
                    planFragment(cursor, condition, fragment.getDirectives(), fragment.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition definition = fragments.get(spread.getName());
                    if (definition == null) {
                        throw new PlanningException("unknown fragment " + spread.getName());
                    }
                    if (firstAtPlace(spread, cursor)) {
                        planFragment(
                                cursor,
                                definition.getTypeCondition().getName(),
                                spread.getDirectives(),
                                definition.getSelectionSet());
                    }
                }
            }
        }

        /**
         * Whether the client's fragment spread is the first of its fragment (with these directives) at the cursor's place.
         * Inside {@link #planBefore} every spread is planned, so that the fetches it touches are tracked (those selections
         * are the supergraph's field sets, which spread no named fragment).
         */
        private boolean firstAtPlace(FragmentSpread spread, Cursor cursor) {
            if (!trackers.isEmpty()) {
                return true;
            }
            String directives = spread.getDirectives().isEmpty()
                    ? ""
                    : spread.getDirectives().stream()
                            .map(graphql.language.AstPrinter::printAst)
                            .toList()
                            .toString();
            return plannedFragments.add(new FragmentAt(
                    spread.getName(),
                    directives,
                    cursor.group(),
                    cursor.selection(),
                    cursor.path(),
                    cursor.parentType(),
                    cursor.provided(),
                    cursor.conditions(),
                    cursor.internal(),
                    cursor.entityRoot(),
                    cursor.hops()));
        }

        private void planFragment(Cursor cursor, String condition, List<Directive> directives, SelectionSet set) {
            if (excludedByLiteral(directives)) {
                return;
            }
            Cursor c = withConditions(cursor, directives);
            String parent = c.parentType();
            if (type(parent).isInterfaceObjectIn(c.group().subgraph) && !condition.equals(parent)) {
                c = owner(c);
            }
            TypeDef conditionType = type(condition);
            String graph = c.group().subgraph;
            boolean conditional = !conditionalDirectives(directives).isEmpty();
            if (condition.equals(parent)) {
                planSelections(conditional ? c.at(c.selection().fragment(parent, directives), parent) : c, set);
            } else if (!type(parent).kind().isAbstract()) {
                // An object parent matches an abstract condition it belongs to, and no other object type.
                if (conditionType.kind().isAbstract()
                        && supergraph.possibleTypes(condition).contains(parent)) {
                    planSelections(conditional ? c.at(c.selection().fragment(parent, directives), parent) : c, set);
                }
            } else if (conditionType.kind() == TypeKind.OBJECT) {
                if (supergraph.possibleTypesIn(parent, graph).contains(condition)) {
                    planSelections(under(c, c.selection().fragment(condition, directives), condition), set);
                }
            } else {
                Set<String> inBoth = new LinkedHashSet<>(supergraph.possibleTypesIn(parent, graph));
                inBoth.retainAll(supergraph.possibleTypes(condition));
                // The subgraph's own abstract type serves only when it covers every object the condition
                // matches here: an object that implements the interface in another subgraph only would be
                // skipped by the subgraph's own type condition.
                if (supergraph.graphsOf(condition).contains(graph)
                        && supergraph.possibleTypesIn(condition, graph).containsAll(inBoth)) {
                    SelectionBuilder fragment = c.selection().fragment(condition, directives);
                    fragment.field("__typename", false);
                    planSelections(under(c, fragment, condition), set);
                    return;
                }
                for (String object : inBoth) {
                    planSelections(under(c, c.selection().fragment(object, directives), object), set);
                }
            }
        }

        /**
         * The cursor under a type condition. Below an abstract type its path admits the condition's
         * objects only, so that fetches planned from there are not sent for objects of other types.
         */
        private Cursor under(Cursor cursor, SelectionBuilder selection, String condition) {
            Cursor at = cursor.at(selection, condition);
            if (condition.equals(cursor.parentType())
                    || !type(cursor.parentType()).kind().isAbstract()) {
                return at;
            }
            return at.along(cursor.path().onlyFor(supergraph.possibleTypes(condition)));
        }

        private void planField(Cursor cursor, Field field) {
            step();
            String parent = cursor.parentType();
            String name = field.getName();
            TypeDef parentType = type(parent);
            String graph = cursor.group().subgraph;
            boolean interfaceObject = parentType.isInterfaceObjectIn(graph);
            if (name.equals("__typename")) {
                // An @interfaceObject subgraph answers the interface's name: the concrete one comes from the owner.
                (interfaceObject ? owner(cursor) : cursor).add(field, false);
                return;
            }
            FieldDef def = fieldDef(parent, name);
            if (interfaceObject) {
                if (isLocal(cursor, parent, name)) {
                    addLocal(cursor, field, def);
                } else if (!jumpByKey(cursor, field)) {
                    // No subgraph resolves it on the interface itself: per concrete type, from the owner.
                    planField(owner(cursor), field);
                }
                return;
            }
            if (parentType.kind().isAbstract()) {
                Set<String> objects = supergraph.possibleTypesIn(parent, graph);
                boolean direct = isLocal(cursor, parent, name)
                        && objects.stream()
                                .allMatch(o -> isLocal(cursor.at(cursor.selection(), o), o, name)
                                        && fieldDef(o, name)
                                                .contextArguments(graph)
                                                .isEmpty());
                if (direct) {
                    addLocal(cursor, field, def);
                } else if (objects.isEmpty()) {
                    // Not one object here to take the field to another subgraph from: the field is out of reach.
                    throw new PlanningException("cannot plan " + parent + "." + name + " from subgraph " + graph
                            + ": no object type of " + graph + " implements " + parent + ", and " + graph
                            + " does not resolve "
                            + name + " on it" + resolvedBy(parent, name));
                } else {
                    for (String object : objects) {
                        planField(under(cursor, cursor.selection().fragment(object, List.of()), object), field);
                    }
                }
                return;
            }
            if (isLocal(cursor, parent, name)) {
                if (def.contextArguments(graph).isEmpty()) {
                    addLocal(cursor, field, def);
                } else {
                    planContextual(cursor, field, def);
                }
            } else {
                jump(cursor, field);
            }
        }

        /**
         * A field whose arguments the subgraph reads from an ancestor's context ({@code @fromContext}), as Apollo's
         * planner does: in an entity fetch, whose entities each send their own values, read in the response before
         * it is sent. The fetch the cursor is in serves if its entities are at or below the object each context is
         * read on and a fetch before it brings the values by itself; otherwise an entity fetch of the field's
         * parent does (in the same subgraph if need be), which waits for the fetches that bring them.
         */
        private void planContextual(Cursor cursor, Field field, FieldDef def) {
            String parent = cursor.parentType();
            FetchGroup group = cursor.group();
            String coordinate = parent + "." + field.getName();
            List<ContextArgument> contextArguments = def.contextArguments(group.subgraph);
            List<Cursor> setters = contextArguments.stream()
                    .map(a -> contextSetter(cursor, a, coordinate))
                    .toList();
            boolean readable = cursor.entityRoot();
            if (!readable && group.entity) {
                readable = true;
                for (int i = 0; i < setters.size(); i++) {
                    Cursor setter = setters.get(i);
                    readable &= setter.group() != group
                            && setter.path().depth() <= group.mergePath().depth()
                            && resolvesItself(setter, contextArguments.get(i));
                }
            }
            if (!readable) {
                FieldSet key = fetchableKey(cursor, parent, group.subgraph);
                if (key == null) {
                    throw new PlanningException("cannot plan " + coordinate + " in subgraph " + group.subgraph
                            + ": it reads a context, so it needs an entity fetch of " + parent + ", and "
                            + group.subgraph
                            + " has no resolvable @key of " + parent + " that it provides itself");
                }
                planField(
                        enterEntityGroup(
                                cursor, group.subgraph, key, requires(parent, field.getName(), group.subgraph), parent),
                        field);
                return;
            }
            List<Argument> arguments = new ArrayList<>(field.getArguments());
            for (int i = 0; i < setters.size(); i++) {
                ContextArgument argument = contextArguments.get(i);
                readContext(cursor, argument, setters.get(i));
                arguments.add(new Argument(argument.name(), new VariableReference(argument.variable())));
            }
            addLocal(cursor, field.transform(b -> b.arguments(arguments)), def);
        }

        /** Plans the selection of a contextual argument on the object that sets its context, for the cursor's fetch. */
        private void readContext(Cursor cursor, ContextArgument argument, Cursor setter) {
            FetchGroup group = cursor.group();
            String type = setter.parentType();
            Set<String> guarded = new LinkedHashSet<>();
            if (!setter.path().segments().isEmpty()) {
                // below the root, the object must be one that sets the context (the root has no __typename guard)
                for (String object : supergraph.possibleTypes(type)) {
                    if (supergraph.typesSettingContext(argument.context()).stream()
                            .anyMatch(t -> supergraph.possibleTypes(t).contains(object))) {
                        guarded.add(object);
                    }
                }
                setter.selection().field("__typename", false);
            }
            Cursor reading = new Cursor(
                    setter.group(),
                    setter.selection(),
                    setter.path(),
                    type,
                    setter.provided(),
                    cursor.conditions(),
                    false,
                    cursor.hops() + 1,
                    setter.chain(),
                    true,
                    setter.entry());
            planBefore(group, reading, argument.selection().selectionSet());
            group.contexts.add(new FetchGroup.ContextSource(
                    argument,
                    setter.selection(),
                    group.mergePath().depth() - setter.path().depth(),
                    guarded));
        }

        /**
         * Where a contextual argument is read: the nearest object above the cursor whose type sets the context
         * (itself, an interface it implements or a union it belongs to, as Apollo's planner matches them). The
         * same object may be in several fetches on the way (an entity fetch and the one it was entered from):
         * one of another fetch than the cursor's whose subgraph resolves the selection itself is preferred.
         */
        private Cursor contextSetter(Cursor cursor, ContextArgument argument, String coordinate) {
            List<Cursor> above = new ArrayList<>();
            for (Cursor at = cursor; at != null; at = at.entry()) {
                for (int i = at.chain().size() - 1; i >= 0; i--) {
                    above.add(at.chain().get(i).from());
                }
                if (at.entry() != null) {
                    above.add(at.entry());
                }
            }
            int depth = cursor.path().depth();
            Cursor nearest = null;
            for (Cursor candidate : above) {
                int level = candidate.path().depth();
                if (level >= depth || !setsContext(candidate.parentType(), argument.context())) {
                    continue;
                }
                if (nearest == null) {
                    nearest = candidate;
                } else if (level < nearest.path().depth()) {
                    break;
                }
                if (candidate.group() != cursor.group() && resolvesItself(candidate, argument)) {
                    return candidate;
                }
            }
            if (nearest == null) {
                throw new PlanningException("cannot plan " + coordinate + ": its argument " + argument.name()
                        + " reads context " + argument.context()
                        + ", and no type above it in the operation sets that context"
                        + " (set by " + String.join(", ", supergraph.typesSettingContext(argument.context())) + ")");
            }
            return nearest;
        }

        private boolean resolvesItself(Cursor setter, ContextArgument argument) {
            return canFetch(
                    setter.group().subgraph,
                    setter.provided(),
                    setter.parentType(),
                    argument.selection().selectionSet());
        }

        private boolean setsContext(String typeName, String context) {
            TypeDef type = type(typeName);
            for (String setter : supergraph.typesSettingContext(context)) {
                if (setter.equals(typeName)
                        || type.kind() == TypeKind.OBJECT
                                && supergraph.possibleTypes(setter).contains(typeName)
                        || type.implementsByGraph().values().stream()
                                .anyMatch(interfaces -> interfaces.contains(setter))) {
                    return true;
                }
            }
            return false;
        }

        private void addLocal(Cursor cursor, Field field, FieldDef def) {
            TypeDef returnType = type(def.type().namedType());
            boolean composite = returnType.kind().isComposite();
            String localType = def.join(cursor.group().subgraph)
                    .map(FieldJoin::type)
                    .orElse(def.type().text());
            SelectionBuilder.FieldEntry entry = cursor.add(
                    field, composite, localType, cursor.internal() && clientKeys.usesOtherwise(cursor.path(), field));
            if (!composite || field.getSelectionSet() == null) {
                return;
            }
            // A planner's field stays under its internal alias in the merged data; a client's is renamed back on
            // arrival.
            ResponsePath path = cursor.path().segment(cursor.internal() ? entry.responseKey() : field.getResultKey());
            for (int i = 0; i < def.type().listDepth(); i++) {
                path = path.segment(ResponsePath.EVERY);
            }
            SelectionBuilder children = java.util.Objects.requireNonNull(entry.children());
            if (returnType.kind().isAbstract()) {
                children.field("__typename", false);
            }
            // An @interfaceObject's objects stay of their interface's type unless a selection below needs
            // a concrete one (__typename or a type condition): then the owner is asked for it there.
            planSelections(
                    cursor.into(
                            children,
                            path,
                            localParent(returnType, localType),
                            provided(cursor, cursor.parentType(), def),
                            field),
                    field.getSelectionSet());
        }

        /**
         * The type the subgraph itself declares for a field, when it is a narrower one of the supergraph
         * (a union or interface field that this subgraph types as {@code Book}): fragments on types that
         * subgraph cannot return there are dropped instead of sent as invalid spreads.
         */
        private String localParent(TypeDef returnType, String localType) {
            String named = localType.replaceAll("[\\[\\]!]", "");
            if (named.equals(returnType.name()) || !returnType.kind().isAbstract()) {
                return returnType.name();
            }
            return supergraph.type(named).map(TypeDef::name).orElse(returnType.name());
        }

        /** Moves a field the cursor's subgraph cannot resolve to another subgraph via {@code _entities}. */
        private void jump(Cursor cursor, Field field) {
            String parent = cursor.parentType();
            String name = field.getName();
            String here = cursor.group().subgraph;
            if (cursor.hops() > MAX_HOPS) {
                throw new PlanningException("cannot plan " + parent + "." + name + ": too many subgraph hops");
            }
            List<String> candidates = supergraph.graphsResolving(parent, name);
            if (candidates.isEmpty()) {
                if (jumpToInterfaceObject(cursor, field)) {
                    return;
                }
                throw new PlanningException("no subgraph resolves " + parent + "." + name);
            }
            if (jumpByKey(cursor, field)) {
                return;
            }
            List<String> ordered = candidates(cursor, field);
            // No candidate is one hop away: go through a subgraph from which one is.
            for (String via : supergraph.subgraphs().stream().map(s -> s.name()).toList()) {
                if (via.equals(here) || candidates.contains(via)) {
                    continue;
                }
                FieldSet key = fetchableKey(cursor, parent, via);
                if (key != null && candidates.stream().anyMatch(t -> keyFetchableIn(via, parent, t))) {
                    Cursor entity = enterEntityGroup(cursor, via, key, null, parent);
                    planField(entity, field);
                    return;
                }
            }
            // A key whose fields come from several subgraphs: fetch them first, like required fields.
            for (String target : ordered) {
                for (FieldSet key : type(parent).resolvableKeys(target)) {
                    // (never a key that holds the field itself: it cannot be fetched before the field)
                    if (cursor.hops() < MAX_HOPS
                            && resolvableSomewhere(parent, key.selectionSet())
                            && !selects(key.selectionSet(), name)) {
                        Cursor entity = enterEntityGroup(cursor, target, key, requires(parent, name, target), parent);
                        planField(entity, field);
                        return;
                    }
                }
            }
            // No key of this type leads there: enter the target at an entity on the way, or ask it for the
            // same root path (shareable root fields and value types).
            for (String target : ordered) {
                Cursor replayed = replayFromAncestorEntity(cursor, target);
                if (replayed != null) {
                    planField(replayed, field);
                    return;
                }
            }
            if (!cursor.group().entity) {
                for (String target : ordered) {
                    Cursor replayed = replayFromRoot(cursor, target);
                    if (replayed != null) {
                        planField(replayed, field);
                        return;
                    }
                }
            }
            throw new PlanningException("cannot plan " + parent + "." + name + " from subgraph " + here + ": none of "
                    + candidates + " has a resolvable @key of " + parent + " that " + here + " can provide");
        }

        /**
         * Takes a field to a subgraph that resolves it on the cursor's type, by a key of that type the
         * cursor can provide: the nearest such subgraph. For an {@code @interfaceObject}'s field this
         * is a subgraph that resolves it on the interface itself (another interface object or the
         * interface's own subgraph), for every implementation at once.
         */
        private boolean jumpByKey(Cursor cursor, Field field) {
            String parent = cursor.parentType();
            for (String target : candidates(cursor, field)) {
                FieldSet key = fetchableKey(cursor, parent, target);
                if (key != null) {
                    Cursor entity =
                            enterEntityGroup(cursor, target, key, requires(parent, field.getName(), target), parent);
                    planField(entity, field);
                    return true;
                }
            }
            return false;
        }

        /**
         * The subgraphs that resolve a field on the cursor's type, best first: the cursor's own (a
         * field it resolves once its requires are fetched), then most of the sub-selection, a fetch
         * already planned there, {@code join__Graph} order.
         */
        private List<String> candidates(Cursor cursor, Field field) {
            String parent = cursor.parentType();
            String here = cursor.group().subgraph;
            List<String> ordered = new ArrayList<>(supergraph.graphsResolving(parent, field.getName()));
            ordered.sort(Comparator.<String>comparingInt(g -> g.equals(here) ? 0 : 1)
                    .thenComparingInt(g -> -score(g, parent, field))
                    .thenComparingInt(g ->
                            groups.containsKey(groupKey(g, cursor.path(), cursor.group(), cursor.conditions())) ? 0 : 1)
                    .thenComparingInt(supergraph::order));
            return ordered;
        }

        /** Where else a field is resolved, for error messages. */
        private String resolvedBy(String typeName, String fieldName) {
            List<String> graphs = supergraph.graphsResolving(typeName, fieldName);
            return graphs.isEmpty() ? "" : " (only " + String.join(", ", graphs) + " does)";
        }

        /** Whether a field set selects the field at its top level. */
        private boolean selects(SelectionSet set, String fieldName) {
            return set.getSelections().stream()
                    .anyMatch(s -> s instanceof Field f && f.getName().equals(fieldName));
        }

        /** Whether every field of a field set is resolved by at least one subgraph. */
        private boolean resolvableSomewhere(String typeName, SelectionSet set) {
            for (graphql.language.Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field f && !f.getName().equals("__typename")) {
                    if (supergraph.graphsResolving(typeName, f.getName()).isEmpty()) {
                        return false;
                    }
                    if (f.getSelectionSet() != null
                            && !resolvableSomewhere(
                                    fieldDef(typeName, f.getName()).type().namedType(), f.getSelectionSet())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * The cursor at the same place in a root fetch of {@code target}, if {@code target} resolves
         * every field from the root to here; null otherwise.
         */
        private @Nullable Cursor replayFromRoot(Cursor cursor, String target) {
            if (mutation) {
                return null;
            }
            String rootType = supergraph.queryType();
            for (Link link : cursor.chain()) {
                // Through a type condition the two subgraphs may disagree on the object: Apollo refuses that too.
                if (link.field() == null
                        || !supergraph.resolvable(link.type(), link.field().getName(), target)) {
                    return null;
                }
            }
            FetchGroup group = group("root|" + target, target, ResponsePath.root(), false, List.of(), null);
            Cursor replay = new Cursor(
                    group,
                    group.selection,
                    ResponsePath.root(),
                    rootType,
                    null,
                    cursor.conditions(),
                    false,
                    cursor.hops() + 1,
                    List.of(),
                    cursor.internal(),
                    null);
            return replay(replay, cursor.chain(), target);
        }

        /**
         * The cursor at the same place in an entity fetch of {@code target} that starts at the nearest
         * entity on the way here (a value type's field that only {@code target} resolves, reached from
         * its parent entity): an entity inside this fetch, or the one this entity fetch itself started
         * at, whose key the fetch it was entered from provides. Null if no entity on the way has a key
         * {@code target} resolves and the fetch there can provide, or {@code target} does not resolve
         * the fields from there.
         */
        private @Nullable Cursor replayFromAncestorEntity(Cursor cursor, String target) {
            List<Link> chain = cursor.chain();
            for (int i = chain.size(); i >= 0; i--) {
                // The cursors on the way, nearest first; last, where this entity fetch was entered from.
                Cursor ancestor = i > 0 ? chain.get(i - 1).from() : cursor.entry();
                List<Link> rest = chain.subList(Math.max(i - 1, 0), chain.size());
                if (ancestor == null
                        || rest.isEmpty()
                        || rest.stream()
                                .anyMatch(l -> l.field() == null
                                        || !supergraph.resolvable(
                                                l.type(), l.field().getName(), target))) {
                    continue;
                }
                FieldSet key = fetchableKey(ancestor, ancestor.parentType(), target);
                if (key != null) {
                    Cursor entity = enterEntityGroup(ancestor, target, key, null, ancestor.parentType());
                    return replay(entity, rest, target);
                }
            }
            return null;
        }

        /** Follows {@code links} from {@code start}, adding their fields to its selection. */
        private @Nullable Cursor replay(Cursor start, List<Link> links, String target) {
            Cursor replay = start;
            for (Link link : links) {
                Field field = link.field();
                if (field == null) {
                    if (!type(replay.parentType()).kind().isAbstract()
                            || !supergraph
                                            .possibleTypesIn(replay.parentType(), target)
                                            .contains(link.type())
                                    && !supergraph.graphsOf(link.type()).contains(target)) {
                        return null;
                    }
                    replay = under(replay, replay.selection().fragment(link.type(), List.of()), link.type());
                    continue;
                }
                FieldDef def = fieldDef(replay.parentType(), field.getName());
                TypeDef returnType = type(def.type().namedType());
                SelectionBuilder children =
                        java.util.Objects.requireNonNull(replay.add(field, true).children());
                if (returnType.kind().isAbstract()) {
                    children.field("__typename", false);
                }
                ResponsePath path = replay.path().segment(field.getResultKey());
                for (int i = 0; i < def.type().listDepth(); i++) {
                    path = path.segment(ResponsePath.EVERY);
                }
                replay = replay.into(children, path, returnType.name(), null, field);
            }
            return replay;
        }

        /**
         * An object type's field that only an {@code @interfaceObject} resolves: the object goes to that
         * subgraph as an entity of the interface.
         */
        private boolean jumpToInterfaceObject(Cursor cursor, Field field) {
            String parent = cursor.parentType();
            Set<String> interfaces = new LinkedHashSet<>();
            type(parent).implementsByGraph().values().forEach(interfaces::addAll);
            for (String iface : interfaces) {
                TypeDef interfaceType = type(iface);
                for (String target : interfaceType.graphs()) {
                    if (!interfaceType.isInterfaceObjectIn(target)
                            || !supergraph.resolvable(iface, field.getName(), target)) {
                        continue;
                    }
                    for (FieldSet key : interfaceType.resolvableKeys(target)) {
                        if (canFetch(cursor.group().subgraph, cursor.provided(), parent, key.selectionSet())) {
                            Cursor entity = enterEntityGroup(
                                    cursor, target, key, requires(iface, field.getName(), target), iface);
                            planField(entity, field);
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * The cursor in the subgraph that owns an interface an {@code @interfaceObject} subgraph
         * returned: it knows the concrete type and the implementations' own fields.
         */
        private Cursor owner(Cursor cursor) {
            String iface = cursor.parentType();
            TypeDef type = type(iface);
            for (String graph : type.graphs()) {
                // A subgraph with no implementation of the interface cannot say which object it is.
                if (type.isInterfaceObjectIn(graph)
                        || graph.equals(cursor.group().subgraph)
                        || supergraph.possibleTypesIn(iface, graph).isEmpty()) {
                    continue;
                }
                for (FieldSet key : type.resolvableKeys(graph)) {
                    if (canFetch(cursor.group().subgraph, cursor.provided(), iface, key.selectionSet())) {
                        return enterEntityGroup(cursor, graph, key, null, iface);
                    }
                }
            }
            throw new PlanningException("cannot resolve the concrete type of " + iface + " returned by subgraph "
                    + cursor.group().subgraph + ": no subgraph that implements " + iface
                    + " has a resolvable @key of it that "
                    + cursor.group().subgraph + " can provide");
        }

        private Cursor enterEntityGroup(
                Cursor cursor, String target, FieldSet key, @Nullable FieldSet requires, String entityType) {
            String parent = cursor.parentType();
            String groupKey = groupKey(target, cursor.path(), cursor.group(), cursor.conditions());
            for (FetchGroup waiting : requiring) {
                if (groups.get(groupKey) == waiting) {
                    // The required fields come from the requiring subgraph itself: an earlier fetch of its own.
                    groupKey += "|before#" + waiting.id;
                }
            }
            while (requires != null
                    && groups.containsKey(groupKey)
                    && groups.get(groupKey).representationConflicts(parent, requires.selectionSet())) {
                groupKey += "|apart";
            }
            FetchGroup group = group(groupKey, target, cursor.path(), true, cursor.conditions(), cursor.group());
            if (!entityType.equals(parent) || type(entityType).isInterfaceObjectIn(target)) {
                // An interface object knows its interface's name only, whatever object the data holds.
                group.representAs.put(parent, entityType);
            }
            cursor.selection().field("__typename", false);
            Cursor keyCursor = new Cursor(
                    cursor.group(),
                    cursor.selection(),
                    cursor.path(),
                    parent,
                    cursor.provided(),
                    cursor.conditions(),
                    false,
                    cursor.hops() + 1,
                    cursor.chain(),
                    true,
                    cursor.entry());
            planBefore(group, keyCursor, key.selectionSet());
            List<FetchGroup.Source> representation = group.requiresFor(parent);
            representation.add(new FetchGroup.Source(cursor.selection(), key.selectionSet()));
            if (requires != null) {
                requiring.push(group);
                try {
                    planBefore(group, keyCursor, requires.selectionSet());
                } finally {
                    requiring.pop();
                }
                representation.add(new FetchGroup.Source(cursor.selection(), requires.selectionSet()));
            }
            SelectionBuilder entity = group.selection.fragment(entityType, List.of());
            cursor.selection().mergedIn(entity);
            if (type(entityType).kind().isAbstract() && !type(entityType).isInterfaceObjectIn(target)) {
                // Entities sent as their interface: its own subgraph says which objects they are.
                entity.field("__typename", false);
            }
            return new Cursor(
                    group,
                    entity,
                    cursor.path(),
                    entityType,
                    null,
                    cursor.conditions(),
                    true,
                    cursor.hops() + 1,
                    List.of(),
                    cursor.internal(),
                    cursor);
        }

        /**
         * Plans what {@code group} needs in the data before it is sent (its key, required or context fields) at
         * {@code cursor}; the group then waits for every other fetch that brings part of it.
         */
        private void planBefore(FetchGroup group, Cursor cursor, SelectionSet selections) {
            Set<FetchGroup> touched = new LinkedHashSet<>();
            trackers.push(touched);
            try {
                planSelections(cursor, selections);
            } finally {
                trackers.pop();
            }
            touched.remove(group);
            group.dependsOn.addAll(touched);
        }

        private FetchGroup group(
                String key,
                String graph,
                ResponsePath path,
                boolean entity,
                List<Condition> conditions,
                @Nullable FetchGroup parent) {
            FetchGroup group = groups.get(key);
            if (group == null) {
                group = new FetchGroup(groups.size(), graph, path, entity, conditions);
                groups.put(key, group);
            } else {
                group.alsoAt(path);
            }
            if (parent != null) {
                group.dependsOn.add(parent);
            }
            FetchGroup planned = group;
            trackers.forEach(t -> t.add(planned));
            return group;
        }

        private String groupKey(String graph, ResponsePath path, FetchGroup parent, List<Condition> conditions) {
            return graph + "|" + path.anyType() + "|" + parent.id + "|" + conditions;
        }

        /** A key of {@code typeName} resolvable in {@code target} whose fields the cursor can fetch. */
        private @Nullable FieldSet fetchableKey(Cursor cursor, String typeName, String target) {
            for (FieldSet key : type(typeName).resolvableKeys(target)) {
                if (canFetch(cursor.group().subgraph, cursor.provided(), typeName, key.selectionSet())) {
                    return key;
                }
            }
            return null;
        }

        private boolean keyFetchableIn(String from, String typeName, String target) {
            return type(typeName).resolvableKeys(target).stream()
                    .anyMatch(k -> canFetch(from, null, typeName, k.selectionSet()));
        }

        private boolean canFetch(String graph, @Nullable SelectionSet provided, String typeName, SelectionSet set) {
            for (graphql.language.Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field f) {
                    if (f.getName().equals("__typename")) {
                        continue;
                    }
                    if (!isLocal(graph, provided, false, typeName, f.getName())) {
                        return false;
                    }
                    if (f.getSelectionSet() != null) {
                        FieldDef def = fieldDef(typeName, f.getName());
                        if (!canFetch(
                                graph,
                                nested(provided, typeName, f.getName()),
                                def.type().namedType(),
                                f.getSelectionSet())) {
                            return false;
                        }
                    }
                } else if (selection instanceof InlineFragment fragment && fragment.getTypeCondition() != null) {
                    if (!canFetch(graph, provided, fragment.getTypeCondition().getName(), fragment.getSelectionSet())) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean isLocal(Cursor cursor, String typeName, String fieldName) {
            return isLocal(cursor.group().subgraph, cursor.provided(), cursor.entityRoot(), typeName, fieldName);
        }

        private boolean isLocal(
                String graph,
                @Nullable SelectionSet provided,
                boolean requiresFetched,
                String typeName,
                String fieldName) {
            if (fieldName.equals("__typename")) {
                return true;
            }
            if (provided != null && findProvided(provided, typeName, fieldName) != null) {
                return true;
            }
            if (!supergraph.resolvable(typeName, fieldName, graph)) {
                return false;
            }
            return requiresFetched || requires(typeName, fieldName, graph) == null;
        }

        private @Nullable FieldSet requires(String typeName, String fieldName, String graph) {
            return type(typeName)
                    .field(fieldName)
                    .flatMap(f -> f.join(graph))
                    .map(FieldJoin::requires)
                    .orElse(null);
        }

        /** What the subgraph promises to resolve below this field: its own provides, or the enclosing ones. */
        private @Nullable SelectionSet provided(Cursor cursor, String parentType, FieldDef def) {
            return provided(cursor.group().subgraph, cursor.provided(), parentType, def);
        }

        private @Nullable SelectionSet provided(
                String graph, @Nullable SelectionSet enclosing, String parentType, FieldDef def) {
            Optional<FieldSet> own = def.join(graph).map(FieldJoin::provides);
            if (own.isPresent()) {
                return own.get().selectionSet();
            }
            return nested(enclosing, parentType, def.name());
        }

        private @Nullable SelectionSet nested(@Nullable SelectionSet provided, String typeName, String fieldName) {
            if (provided == null) {
                return null;
            }
            Field found = findProvided(provided, typeName, fieldName);
            return found == null ? null : found.getSelectionSet();
        }

        private @Nullable Field findProvided(SelectionSet provided, String typeName, String fieldName) {
            for (graphql.language.Selection<?> selection : provided.getSelections()) {
                if (selection instanceof Field f && f.getName().equals(fieldName)) {
                    return f;
                }
                if (selection instanceof InlineFragment fragment
                        && (fragment.getTypeCondition() == null
                                || fragment.getTypeCondition().getName().equals(typeName))) {
                    Field found = findProvided(fragment.getSelectionSet(), typeName, fieldName);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        /**
         * How much of a field's sub-selection a subgraph resolves by itself, what its {@code @provides}
         * promises included: more means fewer hops.
         */
        private int score(String graph, String parentType, Field field) {
            FieldDef def = fieldDef(parentType, field.getName());
            return score(
                    graph, def.type().namedType(), provided(graph, null, parentType, def), field.getSelectionSet(), 0);
        }

        private int score(
                String graph, String typeName, @Nullable SelectionSet provided, @Nullable SelectionSet set, int depth) {
            if (set == null || depth > 4) {
                return 0;
            }
            int score = 0;
            for (graphql.language.Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field f) {
                    if (supergraph.resolvable(typeName, f.getName(), graph)
                            || provided != null && findProvided(provided, typeName, f.getName()) != null) {
                        score++;
                        TypeDef parent = supergraph.types().get(typeName);
                        FieldDef def = parent == null ? null : parent.fields().get(f.getName());
                        if (def != null) {
                            score += score(
                                    graph,
                                    def.type().namedType(),
                                    provided(graph, provided, typeName, def),
                                    f.getSelectionSet(),
                                    depth + 1);
                        }
                    }
                } else if (selection instanceof InlineFragment fragment) {
                    String condition = fragment.getTypeCondition() == null
                            ? typeName
                            : fragment.getTypeCondition().getName();
                    score += score(graph, condition, provided, fragment.getSelectionSet(), depth + 1);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    FragmentDefinition definition = fragments.get(spread.getName());
                    score += score(
                            graph,
                            definition.getTypeCondition().getName(),
                            provided,
                            definition.getSelectionSet(),
                            depth + 1);
                }
            }
            return score;
        }

        private Cursor withConditions(Cursor cursor, List<Directive> directives) {
            List<Condition> added = conditions(directives);
            if (added.isEmpty()) {
                return cursor;
            }
            List<Condition> all = new ArrayList<>(cursor.conditions());
            added.stream().filter(c -> !all.contains(c)).forEach(all::add);
            return cursor.with(all);
        }

        private List<Condition> conditions(List<Directive> directives) {
            List<Condition> result = new ArrayList<>();
            for (Directive d : conditionalDirectives(directives)) {
                Argument condition = d.getArgument("if");
                if (condition != null && condition.getValue() instanceof VariableReference ref) {
                    result.add(new Condition(ref.getName(), d.getName().equals("include")));
                }
            }
            return result;
        }

        private List<Directive> conditionalDirectives(List<Directive> directives) {
            return directives.stream()
                    .filter(d -> (d.getName().equals("skip") || d.getName().equals("include"))
                            && d.getArgument("if") != null
                            && d.getArgument("if").getValue() instanceof VariableReference)
                    .toList();
        }

        private boolean excludedByLiteral(List<Directive> directives) {
            for (Directive d : directives) {
                Argument condition = d.getArgument("if");
                if (condition != null && condition.getValue() instanceof BooleanValue value) {
                    if (d.getName().equals("skip") && value.isValue()
                            || d.getName().equals("include") && !value.isValue()) {
                        return true;
                    }
                }
            }
            return false;
        }

        private TypeDef type(String name) {
            return supergraph.type(name).orElseThrow(() -> new PlanningException("unknown type " + name));
        }

        private FieldDef fieldDef(String typeName, String fieldName) {
            return type(typeName)
                    .field(fieldName)
                    .orElseThrow(() -> new PlanningException("type " + typeName + " has no field " + fieldName));
        }
    }
}
