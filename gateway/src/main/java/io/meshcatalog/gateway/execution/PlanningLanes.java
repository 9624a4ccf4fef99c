package io.meshcatalog.gateway.execution;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The planner threads shared fairly between callers: each caller has a lane in which at most {@code perCaller} of its
 * tasks run at once; the others wait in the lane (not in the pool's queue) and start as the caller's own finish. So a
 * caller who sends many new documents, or a few slow ones, holds at most {@code perCaller} threads, and everyone
 * else's documents go straight to the pool.
 */
final class PlanningLanes {

    private final Executor pool;
    private final int perCaller;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /** The work of one caller: how much of it runs, and what waits. */
    private static final class Lane {
        int running;
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    }

    /** A task the caller's lane cannot take: too many of its documents already wait. */
    static final class Full extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Full(String message) {
            super(message, null, false, false);
        }
    }

    /** @param perCaller how many tasks of one caller run at once; 0 for no lanes (every task to the pool) */
    PlanningLanes(Executor pool, int perCaller) {
        this.pool = pool;
        this.perCaller = perCaller;
    }

    /**
     * Runs {@code task} for {@code caller} when its lane allows.
     *
     * @throws Full when {@link PlanningSettings#MAX_WAITING_PER_CALLER} of the caller's tasks already wait
     * @throws RejectedExecutionException when the pool refuses the task
     */
    <T> CompletableFuture<T> submit(String caller, Supplier<T> task) {
        if (perCaller == 0) {
            return CompletableFuture.supplyAsync(task, pool);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                next(caller);
            }
        };
        boolean[] start = new boolean[1];
        lanes.compute(caller, (name, lane) -> {
            Lane current = lane == null ? new Lane() : lane;
            if (current.running < perCaller) {
                current.running++;
                start[0] = true;
            } else if (current.waiting.size() < PlanningSettings.MAX_WAITING_PER_CALLER) {
                current.waiting.add(run);
            } else {
                throw new Full(caller + " already has " + current.running + " new operations being planned and "
                        + current.waiting.size() + " waiting (gateway.limits.max-plans-per-caller " + perCaller
                        + "): try again when they are done");
            }
            return current;
        });
        if (start[0]) {
            dispatch(caller, run);
        }
        return result;
    }

    private void dispatch(String caller, Runnable run) {
        try {
            pool.execute(run);
        } catch (RejectedExecutionException e) {
            next(caller);
            throw e;
        }
    }

    /** One of the caller's tasks is done: the next waiting one starts, or the lane shrinks (and goes when empty). */
    private void next(String caller) {
        Runnable[] following = new Runnable[1];
        lanes.computeIfPresent(caller, (name, lane) -> {
            following[0] = lane.waiting.poll();
            if (following[0] == null) {
                lane.running--;
            }
            return lane.running == 0 ? null : lane;
        });
        if (following[0] != null) {
            try {
                pool.execute(following[0]);
            } catch (RejectedExecutionException e) {
                following[0].run();
            }
        }
    }

    /** How many of the caller's tasks run now (for tests). */
    int running(String caller) {
        Lane lane = lanes.get(caller);
        return lane == null ? 0 : lane.running;
    }
}
