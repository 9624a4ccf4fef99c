package io.meshcatalog.gateway.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The route table: exact paths first, then the longest matching prefix. Refuses two routes for one path and method. */
final class Routes {

    private static final String ANY_BELOW = "/**";

    private final Map<String, List<HttpRoute>> exact = new HashMap<>();
    private final List<HttpRoute> prefixed = new ArrayList<>();

    Routes(List<HttpRoute> routes) {
        for (HttpRoute route : routes) {
            List<HttpRoute> same = route.path().endsWith(ANY_BELOW)
                    ? prefixed.stream()
                            .filter(r -> r.path().equals(route.path()))
                            .toList()
                    : exact.getOrDefault(route.path(), List.of());
            for (HttpRoute other : same) {
                if (other.methods().stream().anyMatch(route.methods()::contains)) {
                    throw new IllegalStateException("two routes answer " + route.methods() + " " + route.path()
                            + " (another one answers " + other.methods() + ")");
                }
            }
            if (route.path().endsWith(ANY_BELOW)) {
                prefixed.add(route);
            } else {
                exact.computeIfAbsent(route.path(), p -> new ArrayList<>()).add(route);
            }
        }
        prefixed.sort(
                Comparator.comparingInt((HttpRoute r) -> r.path().length()).reversed());
    }

    /** What a request gets: its route, or why there is none. */
    sealed interface Match permits Found, WrongMethod, NotFound {}

    record Found(HttpRoute route) implements Match {}

    /** The path is served, with other methods. */
    record WrongMethod(Set<String> allowed) implements Match {}

    record NotFound() implements Match {}

    Match match(String method, String path) {
        List<HttpRoute> candidates = exact.get(path);
        if (candidates == null) {
            candidates = new ArrayList<>();
            for (HttpRoute route : prefixed) {
                String prefix = route.path().substring(0, route.path().length() - ANY_BELOW.length());
                if (path.startsWith(prefix + "/")
                        && (candidates.isEmpty() || candidates.get(0).path().equals(route.path()))) {
                    candidates.add(route);
                }
            }
        }
        if (candidates.isEmpty()) {
            return new NotFound();
        }
        HttpRoute found = find(candidates, method.equals("HEAD") ? "GET" : method);
        if (found != null) {
            return new Found(found);
        }
        Set<String> allowed = new TreeSet<>();
        candidates.forEach(route -> allowed.addAll(route.methods()));
        return new WrongMethod(allowed);
    }

    private static @Nullable HttpRoute find(List<HttpRoute> candidates, String method) {
        for (HttpRoute route : candidates) {
            if (route.methods().contains(method)) {
                return route;
            }
        }
        return null;
    }
}
