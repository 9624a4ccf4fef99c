package io.meshcatalog.graph.procedures;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.neo4j.kernel.database.NamedDatabaseId;

/**
 * Who owns each data product a walk touches, kept between walks: a product's id, name, domain and effective owning
 * team (its own, or its domain's), and each team's name, description and members. Reading them from the store is
 * most of a large walk (thousands of products, each a few relationships and properties away); they change only when
 * a product, a team, a person or an ownership or membership does, which {@link OwnerCacheListener} watches for.
 *
 * <p>What was read is kept in a generation: a change that could alter an owner starts a new, empty one as it begins to
 * commit and again once it has, and a walk fills the generation it began with. A walk that read the store before such
 * a change was written thus writes what it read into a generation nobody reads again; a walk that begins while such a
 * change is being committed (written to the store, its listeners not yet told) keeps what it reads to itself. So
 * nothing read before a change is served after it. Each generation holds at most {@link #MAX_PRODUCTS} products; past
 * that a walk reads the rest from the store.
 *
 * <p>Only a database whose every commit this process sees has one ({@link OwnerCacheExtension}: a standalone
 * database, never a cluster's); a walk elsewhere keeps what it read for itself alone.
 */
final class OwnerCache {

    /** The most products one generation keeps: 1M products, a few hundred bytes each. */
    static final int MAX_PRODUCTS = 1_000_000;

    /** By database id, which tells apart the databases of two Neo4j instances in one JVM (their names may be equal). */
    private static final Map<NamedDatabaseId, OwnerCache> BY_DATABASE = new ConcurrentHashMap<>();

    /** A product's effective owner; {@code team} null when neither it nor its domain has one. */
    record Product(
            Object id, Object name, Object domain, @Nullable Team team, boolean inherited) {}

    /** A team by its node, as the walk's answer lists it: [name, description, members]. */
    record Team(long node, List<Object> row) {}

    /** One generation: what was read since the last change that could alter an owner. */
    static final class Generation {
        final long number;
        private final Map<Long, Product> products = new ConcurrentHashMap<>();
        private final Map<Long, Team> teams = new ConcurrentHashMap<>();

        Generation(long number) {
            this.number = number;
        }

        /** A generation for one walk alone: what it reads is never served to another. */
        static Generation ownOnly() {
            return new Generation(-1);
        }

        @Nullable
        Product product(long node) {
            return products.get(node);
        }

        void keep(long node, Product product) {
            if (products.size() < MAX_PRODUCTS) {
                products.put(node, product);
            }
        }

        @Nullable
        Team team(long node) {
            return teams.get(node);
        }

        void keep(Team team) {
            teams.put(team.node(), team);
        }

        int products() {
            return products.size();
        }
    }

    private final AtomicLong generations = new AtomicLong();
    /** Changes that could alter an owner between their {@link #committing} and their {@link #committed}. */
    private final AtomicInteger committing = new AtomicInteger();

    private volatile Generation current = new Generation(0);

    /**
     * The generation a walk starting now reads and fills; one of its own while a change to an owner is being
     * committed. The generation is taken before the count is read: a change that began committing before it was
     * taken has either started a later one or is still counted.
     */
    Generation forWalk() {
        Generation generation = current;
        return committing.get() > 0 ? Generation.ownOnly() : generation;
    }

    Generation current() {
        return current;
    }

    /** A change that could alter an owner is about to be written: what was read before it is dropped. */
    void committing() {
        committing.incrementAndGet();
        invalidate();
    }

    /** That change committed or rolled back: what was read while it was being written is dropped too. */
    void committed() {
        invalidate();
        committing.decrementAndGet();
    }

    private void invalidate() {
        current = new Generation(generations.incrementAndGet());
    }

    /** The cache of {@code database}, or a generation of its own for a walk on a database that has none. */
    static Generation generationFor(NamedDatabaseId database) {
        OwnerCache cache = BY_DATABASE.get(database);
        return cache == null ? Generation.ownOnly() : cache.forWalk();
    }

    static OwnerCache track(NamedDatabaseId database) {
        OwnerCache cache = new OwnerCache();
        BY_DATABASE.put(database, cache);
        return cache;
    }

    static void forget(NamedDatabaseId database, OwnerCache cache) {
        BY_DATABASE.remove(database, cache);
    }

    /** {@code on} or {@code off} for {@code database}, with the current generation and how many products it holds. */
    static String describe(NamedDatabaseId database) {
        OwnerCache cache = BY_DATABASE.get(database);
        if (cache == null) {
            return "off";
        }
        Generation generation = cache.current();
        return "on: generation " + generation.number + ", " + generation.products() + " products";
    }
}
