package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogLimitsTests {

    private final CatalogLimits limits = CatalogLimits.DEFAULT;

    @Test
    void pageSizeDefaultsToTwentyAndIsBounded() {
        assertThat(limits.pageSize(null)).isEqualTo(20);
        assertThat(limits.pageSize(100)).isEqualTo(100);
        assertThatThrownBy(() -> limits.pageSize(0)).hasMessage("first must be between 1 and 100, got 0");
        assertThatThrownBy(() -> limits.pageSize(101)).hasMessage("first must be between 1 and 100, got 101");
    }

    @Test
    void depthBelowOneIsRefusedAndAnyOtherIsLeftToTheStoreToClamp() {
        assertThat(limits.depth("depth", null)).isNull();
        assertThat(limits.depth("depth", 500)).isEqualTo(500);
        assertThatThrownBy(() -> limits.depth("depth", 0)).hasMessage("depth must be 1 or more, got 0");
    }

    @Test
    void changeImpactNeedsAtLeastOneChangeAndAtMostTheLimit() {
        assertThatThrownBy(() -> limits.changes(0)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> limits.changes(101)).hasMessageContaining("got 101");
    }
}
