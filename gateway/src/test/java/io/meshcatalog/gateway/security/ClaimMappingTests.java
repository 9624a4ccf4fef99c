package io.meshcatalog.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMappingTests {

    @Test
    void theDefaultClaimsMakeTheCaller() {
        Caller caller = ClaimMapping.DEFAULTS.caller(
                Map.of(
                        "sub",
                        "ana",
                        "groups",
                        List.of("orders-team", "analysts"),
                        "scope",
                        "read:pii  lineage:write",
                        "roles",
                        List.of("domain_member"),
                        "namespaces",
                        List.of("orders")),
                "t1");

        assertThat(caller.subject()).isEqualTo("ana");
        assertThat(caller.teams()).containsExactlyInAnyOrder("orders-team", "analysts");
        assertThat(caller.scopes()).containsExactlyInAnyOrder("read:pii", "lineage:write");
        assertThat(caller.roles()).containsExactly(Role.DOMAIN_MEMBER);
        assertThat(caller.namespaces()).containsExactly("orders");
        assertThat(caller.via()).isEqualTo("jwt");
        assertThat(caller.credential()).isEqualTo("t1");
        assertThat(caller.authenticated()).isTrue();
    }

    @Test
    void scopesComeFromScpWhenThereIsNoScope() {
        Caller caller = ClaimMapping.DEFAULTS.caller(Map.of("sub", "svc", "scp", List.of("a", "b")), null);

        assertThat(caller.scopes()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void rolesAreReadInAnyCaseAndUnknownOnesIgnored() {
        Caller caller = ClaimMapping.DEFAULTS.caller(
                Map.of("sub", "x", "roles", List.of("Admin", "domain-member", "offline_access")), null);

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.DOMAIN_MEMBER);
    }

    @Test
    void configuredClaimNamesAreRead() {
        ClaimMapping mapping = new ClaimMapping("email", "teams", "permissions", "mesh_roles", "ol");
        Caller caller = mapping.caller(
                Map.of(
                        "sub",
                        "id-1",
                        "email",
                        "ana@example.org",
                        "teams",
                        "orders-team",
                        "permissions",
                        List.of("read:pii"),
                        "mesh_roles",
                        "READER",
                        "ol",
                        "orders",
                        "groups",
                        List.of("ignored")),
                null);

        assertThat(caller.subject()).isEqualTo("ana@example.org");
        assertThat(caller.teams()).containsExactly("orders-team");
        assertThat(caller.scopes()).containsExactly("read:pii");
        assertThat(caller.roles()).containsExactly(Role.READER);
        assertThat(caller.namespaces()).containsExactly("orders");
    }

    @Test
    void aTokenWithoutItsSubjectClaimIsRefused() {
        assertThatThrownBy(() -> ClaimMapping.DEFAULTS.caller(Map.of("groups", List.of("x")), null))
                .hasMessageContaining("no sub claim");
        assertThatThrownBy(() -> ClaimMapping.DEFAULTS.caller(Map.of("sub", " "), null))
                .hasMessageContaining("no sub claim");
    }
}
