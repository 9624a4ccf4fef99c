package io.meshcatalog.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTests {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aGeneratedKeyHasAVisibleIdAnd256RandomBits() {
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate(random);

        assertThat(key.key()).matches("mck_[a-z0-9]{10}_[0-9a-f]{64}").startsWith(key.prefix() + "_");
        assertThat(key.prefix()).isEqualTo("mck_" + key.id());
        assertThat(ApiKeyFormat.idOf(key.key())).isEqualTo(key.id());
    }

    @Test
    void generatedKeysDiffer() {
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ApiKeyFormat.NewKey key = ApiKeyFormat.generate(random);
            keys.add(key.key());
            ids.add(key.id());
        }
        assertThat(keys).hasSize(1_000);
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void onlyTheHashIsKeptAndItMatchesTheKeyAlone() {
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate(random);
        ApiKeyFormat.NewKey other = ApiKeyFormat.generate(random);

        assertThat(key.hash()).matches("[0-9a-f]{64}").doesNotContain(key.key().substring(15));
        assertThat(ApiKeyFormat.matches(key.key(), key.hash())).isTrue();
        assertThat(ApiKeyFormat.matches(other.key(), key.hash())).isFalse();
        assertThat(ApiKeyFormat.matches(key.key() + "0", key.hash())).isFalse();
        assertThat(ApiKeyFormat.matches(key.key(), "not hex")).isFalse();
    }

    @Test
    void theHashIsSha256OfTheWholeKey() {
        // SHA-256 of "abc", the FIPS 180-2 example
        assertThat(ApiKeyFormat.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aKeyNeverAppearsInItsOwnDescription() {
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate(random);

        assertThat(key.toString()).contains(key.id()).doesNotContain(key.key()).doesNotContain(key.hash());
    }

    @Test
    void somethingNotInTheKeyFormatHasNoId() {
        assertThat(ApiKeyFormat.idOf("secret")).isNull();
        assertThat(ApiKeyFormat.idOf("mck_ABCDEFGHIJ_" + "0".repeat(64))).isNull();
        assertThat(ApiKeyFormat.idOf("mck_abcdefghij_" + "0".repeat(63))).isNull();
        assertThat(ApiKeyFormat.idOf("mck_abcdefghij_" + "0".repeat(5_000))).isNull();
    }

    @Test
    void aConfiguredHashIsSha256ColonAndHex() {
        String hex = "AB".repeat(32);

        assertThat(ApiKeyFormat.parseConfiguredHash("sha256:" + hex)).isEqualTo("ab".repeat(32));
        assertThat(ApiKeyFormat.configuredHash("ab".repeat(32))).isEqualTo("sha256:" + "ab".repeat(32));
        assertThatThrownBy(() -> ApiKeyFormat.parseConfiguredHash(hex)).hasMessageContaining("sha256:");
        assertThatThrownBy(() -> ApiKeyFormat.parseConfiguredHash("sha256:abc")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ApiKeyFormat.parseConfiguredHash("md5:" + hex)).hasMessageContaining("sha256:");
    }
}
