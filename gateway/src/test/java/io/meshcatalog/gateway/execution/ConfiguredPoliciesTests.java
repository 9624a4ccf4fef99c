package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredPoliciesTests {

    private static final ConfiguredPolicies POLICIES = new ConfiguredPolicies(Map.of(
            "hr-staff",
                    ConfiguredPolicies.Rule.of("hr-staff", List.of("hr", "people"), List.of(), List.of(), List.of()),
            "payroll",
                    ConfiguredPolicies.Rule.of(
                            "payroll", List.of(), List.of("payroll:read"), List.of("admin"), List.of()),
            "owners", ConfiguredPolicies.Rule.of("owners", List.of(), List.of(), List.of(), List.of("grace"))));

    private static RequestContext as(String subject, Set<String> teams, Set<String> scopes, Set<Role> roles) {
        return new RequestContext(new Caller(subject, teams, scopes, roles, Set.of(), "jwt", null), Map.of(), "");
    }

    @Test
    void anyListedValueOfAConditionSatisfiesIt() {
        assertThat(POLICIES.satisfied(as("a", Set.of("people"), Set.of(), Set.of()), Set.of("hr-staff", "owners")))
                .containsExactly("hr-staff");
        assertThat(POLICIES.satisfied(as("grace", Set.of(), Set.of(), Set.of()), Set.of("hr-staff", "owners")))
                .containsExactly("owners");
    }

    @Test
    void everyConditionGivenMustHold() {
        assertThat(POLICIES.satisfied(as("a", Set.of(), Set.of(), Set.of(Role.ADMIN)), Set.of("payroll")))
                .isEmpty();
        assertThat(POLICIES.satisfied(as("a", Set.of(), Set.of("payroll:read"), Set.of(Role.ADMIN)), Set.of("payroll")))
                .containsExactly("payroll");
    }

    @Test
    void anonymousCallerSatisfiesNoPolicy() {
        assertThat(POLICIES.satisfied(RequestContext.anonymous(), Set.of("hr-staff", "payroll", "owners")))
                .isEmpty();
    }

    @Test
    void policyWithoutRuleIsDeniedAndNamedAsUndefined() {
        RequestContext admin = as("root", Set.of("hr"), Set.of("payroll:read"), Set.of(Role.ADMIN));
        assertThat(POLICIES.satisfied(admin, Set.of("auditors"))).isEmpty();
        assertThat(POLICIES.undefined(Set.of("auditors", "payroll"))).containsExactly("auditors");
        assertThat(PolicyHook.DENY_ALL.undefined(Set.of("payroll"))).containsExactly("payroll");
    }

    @Test
    void policyWithoutConditionIsRefusedAtStart() {
        assertThatThrownBy(() -> new ConfiguredPolicies(Map.of(
                        "everyone",
                        ConfiguredPolicies.Rule.of("everyone", List.of(), List.of(), List.of(), List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.authorization.policies.everyone")
                .hasMessageContaining("no condition");
    }

    @Test
    void unknownRoleIsRefusedWithItsSetting() {
        assertThatThrownBy(
                        () -> ConfiguredPolicies.Rule.of("ops", List.of(), List.of(), List.of("superuser"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.authorization.policies.ops.roles")
                .hasMessageContaining("superuser");
        assertThat(ConfiguredPolicies.Rule.of("ops", List.of(), List.of(), List.of("domain-member"), List.of())
                        .roles())
                .containsExactly(Role.DOMAIN_MEMBER);
    }
}
