package io.meshcatalog.gateway.execution;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default {@link PolicyHook}: policies defined in configuration ({@code gateway.authorization.policies.<name>}),
 * each by conditions on the caller. Within one condition any listed value suffices; every condition given must hold.
 * A policy with no condition is refused at start: it would admit everybody, anonymous callers included.
 */
public final class ConfiguredPolicies implements PolicyHook {

    private final Map<String, Rule> rules;

    /**
     * What a caller needs to satisfy one policy: one of the teams (if any are listed), one of the scopes, one of the
     * roles and one of the subjects.
     *
     * @param teams teams the caller acts for
     * @param scopes OAuth scopes it holds
     * @param roles its roles
     * @param subjects the subjects (users, services) it may be
     */
    public record Rule(Set<String> teams, Set<String> scopes, Set<Role> roles, Set<String> subjects) {

        public Rule {
            teams = Set.copyOf(teams);
            scopes = Set.copyOf(scopes);
            roles = Set.copyOf(roles);
            subjects = Set.copyOf(subjects);
        }

        /**
         * A rule from configuration values; roles by name ({@code admin}, {@code domain-member}, {@code reader}).
         *
         * @throws IllegalArgumentException naming the setting when a role is unknown
         */
        public static Rule of(
                String policy, List<String> teams, List<String> scopes, List<String> roles, List<String> subjects) {
            Set<Role> parsed = new LinkedHashSet<>();
            for (String role : roles) {
                try {
                    parsed.add(
                            Role.valueOf(role.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "gateway.authorization.policies." + policy + ".roles: unknown role '" + role
                                    + "'; one of reader, domain-member, admin",
                            e);
                }
            }
            return new Rule(Set.copyOf(teams), Set.copyOf(scopes), parsed, Set.copyOf(subjects));
        }

        boolean isEmpty() {
            return teams.isEmpty() && scopes.isEmpty() && roles.isEmpty() && subjects.isEmpty();
        }

        boolean satisfiedBy(Caller caller) {
            return caller.authenticated()
                    && (teams.isEmpty() || teams.stream().anyMatch(caller::memberOf))
                    && (scopes.isEmpty() || scopes.stream().anyMatch(caller::hasScope))
                    && (roles.isEmpty() || roles.stream().anyMatch(caller.roles()::contains))
                    && (subjects.isEmpty() || subjects.contains(caller.subject()));
        }
    }

    /**
     * @param rules the policies by name
     * @throws IllegalArgumentException naming a policy that has no condition
     */
    public ConfiguredPolicies(Map<String, Rule> rules) {
        rules.forEach((name, rule) -> {
            if (rule.isEmpty()) {
                throw new IllegalArgumentException(
                        "gateway.authorization.policies." + name + " has no condition: give it "
                                + "teams, scopes, roles or subjects (a policy without any would admit every caller)");
            }
        });
        this.rules = Map.copyOf(new LinkedHashMap<>(rules));
    }

    @Override
    public Set<String> satisfied(RequestContext context, Set<String> policies) {
        Set<String> satisfied = new LinkedHashSet<>();
        for (String policy : policies) {
            Rule rule = rules.get(policy);
            if (rule != null && rule.satisfiedBy(context.caller())) {
                satisfied.add(policy);
            }
        }
        return satisfied;
    }

    @Override
    public Set<String> undefined(Set<String> policies) {
        Set<String> undefined = new LinkedHashSet<>(policies);
        undefined.removeAll(rules.keySet());
        return undefined;
    }
}
