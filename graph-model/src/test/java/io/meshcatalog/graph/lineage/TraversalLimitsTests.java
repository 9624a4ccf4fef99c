package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraversalLimitsTests {

    @Test
    void depthIsClampedIntoOneToMax() {
        TraversalLimits limits = new TraversalLimits(4, 8, 100);
        assertThat(limits.clampDepth(null)).isEqualTo(4);
        assertThat(limits.clampDepth(0)).isEqualTo(1);
        assertThat(limits.clampDepth(-3)).isEqualTo(1);
        assertThat(limits.clampDepth(6)).isEqualTo(6);
        assertThat(limits.clampDepth(Integer.MAX_VALUE)).isEqualTo(8);
    }

    @Test
    void inconsistentLimitsAreRefused() {
        assertThatThrownBy(() -> new TraversalLimits(9, 8, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraversalLimits(1, 8, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
