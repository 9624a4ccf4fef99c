package io.meshcatalog.graph.procedures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * The lineage store's hot read as a Neo4j procedure, run inside the database: a walk of thousands of
 * nodes is one round trip instead of one per level, and the owners of the products it reaches are read
 * off the relationships next to their datasets instead of looked up by id. It answers exactly what
 * {@code feeds-*.cypher} level by level and then {@code product-owners.cypher} answer, which stay the
 * way to a server that does not have it. The embedded Neo4j registers it; on a server it would be a
 * plugin. Answers are packed in one row: streaming a row per node costs more than finding the node.
 */
public final class LineageProcedures {

    public static final String WALK = "meshcatalog.walk";
    public static final String OWNER_CACHE = "meshcatalog.ownerCache";

    private static final RelationshipType FEEDS = RelationshipType.withName("FEEDS");
    private static final RelationshipType OWNED_BY = RelationshipType.withName("OWNED_BY");
    private static final RelationshipType IN_DOMAIN = RelationshipType.withName("IN_DOMAIN");
    private static final RelationshipType HAS_MEMBER = RelationshipType.withName("HAS_MEMBER");
    private static final RelationshipType PRODUCES = RelationshipType.withName("PRODUCES");
    private static final Label CONSUMER = Label.label("Consumer");
    private static final Label TEAM = Label.label("Team");
    private static final Label DOMAIN = Label.label("Domain");
    private static final Label PERSON = Label.label("Person");
    private static final Label FIELD = Label.label("Field");

    @Context
    public Transaction tx;

    @Context
    public GraphDatabaseService db;

    /**
     * The answer of a walk: one list per reached node (see {@link #walk}), whether a limit cut it, and the
     * products publishing the datasets among the starts and the reached nodes, with their owners:
     * {@code products} as [id, name, domain, team index, inherited], the reached consumers that have an
     * owner as [id, name, team index], {@code teams} as [name, description, members as [username, name,
     * role]], each product, consumer and team once. {@code nodes} are the reached nodes, in the order of
     * {@code reached}, then every product the walk touched: the statement that calls the walk judges them as they
     * are, without looking them up again (who may see them is Cypher's: {@code visible-node.cypher}). They are not
     * sent to the client unless the statement returns them.
     */
    public static final class WalkResult {
        public List<Object> reached;
        public boolean truncated;
        public List<Object> products;
        public List<Object> consumers;
        public List<Object> teams;
        public List<Node> nodes;

        WalkResult(List<Object> reached, List<Node> reachedNodes, boolean truncated, Owners owners) {
            this.reached = reached;
            this.truncated = truncated;
            this.products = owners.products;
            this.consumers = owners.consumers;
            this.teams = owners.teams;
            this.nodes = new ArrayList<>(reachedNodes.size() + owners.seen.size());
            this.nodes.addAll(reachedNodes);
            this.nodes.addAll(owners.seen);
        }
    }

    /** A node of the walk; {@code index} is its place in the answer, or {@code -1 - i} for the i-th start. */
    private record Visit(Node node, String kind, int degree, long index) {

        /** Its element id: asked only to break ties between parents, as building the string is not free. */
        String element() {
            return node.getElementId();
        }
    }

    @Procedure(name = WALK, mode = Mode.READ)
    @Description("Breadth-first along FEEDS from [elementId, degree] starts: each node once at its smallest degree, "
            + "through the least element id of the level before; reached rows are [parent, degree, kind, id, name, "
            + "domain, external, dataset, product, retired], where parent is the row's index in the answer, or -1 - i for the "
            + "i-th start; with the products of the datasets it touched and their effective owners, and the reached "
            + "nodes and those products as nodes.")
    public Stream<WalkResult> walk(
            @Name("starts") List<List<Object>> starts,
            @Name("downstream") boolean downstream,
            @Name("maxDepth") long maxDepth,
            @Name("maxNodes") long maxNodes) {
        Direction direction = downstream ? Direction.OUTGOING : Direction.INCOMING;
        Map<Node, Visit> visited = new HashMap<>();
        List<Object> reached = new ArrayList<>();
        List<Node> reachedNodes = new ArrayList<>();
        Owners owners = new Owners(OwnerCache.generationFor(((GraphDatabaseAPI) db).databaseId()));
        TreeMap<Integer, List<Visit>> pending = new TreeMap<>();
        for (int i = 0; i < starts.size(); i++) {
            Node node = tx.getNodeByElementId((String) starts.get(i).get(0));
            Visit visit = new Visit(node, kind(node), ((Number) starts.get(i).get(1)).intValue(), -1L - i);
            if (visited.putIfAbsent(node, visit) == null) {
                pending.computeIfAbsent(visit.degree(), d -> new ArrayList<>()).add(visit);
                owners.addConsumer(visit);
            }
        }
        boolean truncated = false;
        while (!pending.isEmpty()) {
            Map.Entry<Integer, List<Visit>> level = pending.pollFirstEntry();
            int degree = level.getKey();
            Map<Node, Visit> next = next(level.getValue(), direction, owners);
            if (degree >= maxDepth) {
                truncated |= next.keySet().stream().anyMatch(node -> !visited.containsKey(node));
                continue;
            }
            for (Map.Entry<Node, Visit> found : next.entrySet()) {
                if (visited.containsKey(found.getKey())) {
                    continue;
                }
                if (reached.size() >= maxNodes) {
                    // datasets not expanded yet: their products are looked up on their own
                    pending.values().forEach(visits -> visits.forEach(owners::addProducerOf));
                    return Stream.of(new WalkResult(reached, reachedNodes, true, owners));
                }
                Node node = found.getKey();
                Visit visit = new Visit(node, kind(node), degree + 1, reached.size());
                visited.put(node, visit);
                reached.add(row(visit, found.getValue()));
                reachedNodes.add(node);
                pending.computeIfAbsent(visit.degree(), d -> new ArrayList<>()).add(visit);
                owners.addConsumer(visit);
            }
        }
        return Stream.of(new WalkResult(reached, reachedNodes, truncated, owners));
    }

    /** What {@link #ownerCache} answers. */
    public static final class CacheState {
        public String state;

        CacheState(String state) {
            this.state = state;
        }
    }

    @Procedure(name = OWNER_CACHE, mode = Mode.READ)
    @Description("Whether this database keeps the owners of the products walks touch between walks: off, or on with "
            + "its generation (a new one after each committed change to a product, team, person, ownership or "
            + "membership) and how many products it holds.")
    public Stream<CacheState> ownerCache() {
        return Stream.of(new CacheState(OwnerCache.describe(((GraphDatabaseAPI) db).databaseId())));
    }

    /**
     * The products of the datasets a walk touches and their effective owners, each once, packed as lists: read from
     * the {@link OwnerCache} generation the walk began with, and from the store into it when it does not hold them.
     */
    private static final class Owners {
        final List<Object> products = new ArrayList<>();
        final List<Object> consumers = new ArrayList<>();
        final List<Object> teams = new ArrayList<>();
        /** Every product the walk touched, with an owner or not, in the order found. */
        final Set<Node> seen = new LinkedHashSet<>();

        private final OwnerCache.Generation known;
        private final Map<Long, Long> teamIndex = new HashMap<>();

        Owners(OwnerCache.Generation known) {
            this.known = known;
        }

        /** Adds a reached consumer's owner. */
        void addConsumer(Visit visit) {
            if (visit.kind().equals("CONSUMER")) {
                Node team = single(visit.node(), OWNED_BY, Direction.OUTGOING, TEAM);
                if (team != null) {
                    Map<String, Object> properties = visit.node().getProperties("id", "name");
                    consumers.add(
                            List.of(properties.get("id"), properties.getOrDefault("name", ""), index(team(team))));
                }
            }
        }

        /** The product of a dataset the walk did not expand (expanding finds it on the way, see {@link #next}). */
        void addProducerOf(Visit visit) {
            if (visit.kind().equals("DATASET")) {
                Node product = single(visit.node(), PRODUCES, Direction.INCOMING);
                if (product != null) {
                    addProduct(product);
                }
            }
        }

        /** Adds the product publishing a dataset, owned by its own team or else by its domain's team. */
        @SuppressWarnings("removal") // internal ids: the cache is of this database's store, read inside it
        void addProduct(Node product) {
            if (!seen.add(product)) {
                return;
            }
            OwnerCache.Product owned = known.product(product.getId());
            if (owned == null) {
                owned = read(product);
                known.keep(product.getId(), owned);
            }
            if (owned.team() != null) {
                products.add(List.of(owned.id(), owned.name(), owned.domain(), index(owned.team()), owned.inherited()));
            }
        }

        private OwnerCache.Product read(Node product) {
            Node own = single(product, OWNED_BY, Direction.OUTGOING, TEAM);
            Node domain = own == null ? single(product, IN_DOMAIN, Direction.OUTGOING, DOMAIN) : null;
            Node team = own != null ? own : domain == null ? null : single(domain, OWNED_BY, Direction.OUTGOING, TEAM);
            Map<String, Object> properties = product.getProperties("id", "name", "domain");
            return new OwnerCache.Product(
                    properties.get("id"),
                    properties.getOrDefault("name", ""),
                    properties.getOrDefault("domain", ""),
                    team == null ? null : team(team),
                    own == null);
        }

        @SuppressWarnings("removal") // internal ids, as above
        private OwnerCache.Team team(Node node) {
            OwnerCache.Team team = known.team(node.getId());
            if (team == null) {
                team = new OwnerCache.Team(
                        node.getId(),
                        List.of(node.getProperty("name"), node.getProperty("description", ""), members(node)));
                known.keep(team);
            }
            return team;
        }

        private long index(OwnerCache.Team team) {
            return teamIndex.computeIfAbsent(team.node(), node -> {
                teams.add(team.row());
                return (long) teams.size() - 1;
            });
        }
    }

    /** The nodes one hop from the level's non-consumers, each with the node of least element id it was reached from. */
    private static Map<Node, Visit> next(List<Visit> level, Direction direction, Owners owners) {
        Map<Node, Visit> next = new LinkedHashMap<>();
        for (Visit from : level) {
            if (direction == Direction.OUTGOING && from.kind().equals("CONSUMER")) {
                continue; // consumers read datasets and feed nothing
            }
            Node node = from.node();
            boolean dataset = from.kind().equals("DATASET");
            // by type: a dataset that runs read and wrote has a READ or WROTE for each run, and a dense node keeps
            // its relationships by type, so only these two are read
            try (ResourceIterable<Relationship> feeds = node.getRelationships(direction, FEEDS)) {
                for (Relationship relationship : feeds) {
                    next.merge(
                            relationship.getOtherNode(node),
                            from,
                            (a, b) -> a.element().compareTo(b.element()) <= 0 ? a : b);
                }
            }
            if (dataset) {
                try (ResourceIterable<Relationship> producers = node.getRelationships(Direction.INCOMING, PRODUCES)) {
                    for (Relationship relationship : producers) {
                        owners.addProduct(relationship.getStartNode());
                    }
                }
            }
        }
        return next;
    }

    /** One reached node, without element ids: they are long and the caller needs only the parent link. */
    private static List<Object> row(Visit visit, Visit parent) {
        Map<String, Object> properties =
                visit.node().getProperties("id", "name", "domain", "external", "dataset", "product");
        Object id = properties.get("id");
        return List.of(
                parent.index(),
                (long) visit.degree(),
                visit.kind(),
                id,
                properties.getOrDefault("name", id),
                properties.getOrDefault("domain", ""),
                properties.getOrDefault("external", false),
                properties.getOrDefault("dataset", ""),
                properties.getOrDefault("product", ""),
                visit.node().hasProperty("retiredAt"));
    }

    private static String kind(Node node) {
        return node.hasLabel(CONSUMER) ? "CONSUMER" : node.hasLabel(FIELD) ? "FIELD" : "DATASET";
    }

    private static Node single(Node node, RelationshipType type, Direction direction) {
        try (ResourceIterable<Relationship> relationships = node.getRelationships(direction, type)) {
            for (Relationship relationship : relationships) {
                return relationship.getOtherNode(node);
            }
        }
        return null;
    }

    /** The first node {@code type} leads to that has {@code label}: the Cypher way names the label too. */
    private static Node single(Node node, RelationshipType type, Direction direction, Label label) {
        try (ResourceIterable<Relationship> relationships = node.getRelationships(direction, type)) {
            for (Relationship relationship : relationships) {
                Node other = relationship.getOtherNode(node);
                if (other.hasLabel(label)) {
                    return other;
                }
            }
        }
        return null;
    }

    /** [username, name, role] of each member, by username; lists, not maps, so no key is sent per member. */
    private static List<Object> members(Node team) {
        List<List<Object>> members = new ArrayList<>();
        try (ResourceIterable<Relationship> memberships = team.getRelationships(Direction.OUTGOING, HAS_MEMBER)) {
            for (Relationship membership : memberships) {
                Object username = membership.getEndNode().hasLabel(PERSON)
                        ? membership.getEndNode().getProperty("username", null)
                        : null;
                if (username != null) {
                    members.add(List.of(
                            username,
                            membership.getEndNode().getProperty("name", ""),
                            membership.getProperty("role", "")));
                }
            }
        }
        members.sort(Comparator.comparing(member -> (String) member.get(0)));
        return List.copyOf(members);
    }
}
