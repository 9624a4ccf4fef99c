package io.meshcatalog.graph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void aSegmentIsLowerCaseLettersDigitsAndUnderscoresStartingWithALetter() {
        assertThat(Ids.isSegment("shipped_on")).isTrue();
        assertThat(Ids.isSegment("ds2")).isTrue();
        assertThat(Ids.isSegment("Shipped")).isFalse();
        assertThat(Ids.isSegment("2ds")).isFalse();
        assertThat(Ids.isSegment("")).isFalse();
        assertThat(Ids.isSegment("a.b")).isFalse();
    }

    @Test
    void dottedNamesAreSegmentsJoinedByDots() {
        assertThat(Ids.isDotted("operations")).isTrue();
        assertThat(Ids.isDotted("operations.fulfillment_dashboard")).isTrue();
        assertThat(Ids.isDotted("operations..dashboard")).isFalse();
        assertThat(Ids.isDotted("operations.")).isFalse();
        assertThat(Ids.isDotted(".operations")).isFalse();
        assertThat(Ids.isDotted("Ops.board")).isFalse();
    }

    @Test
    void typedIdsUseTheSameGrammar() {
        assertThat(new FieldRef("orders.orders.shipped_on").dataset()).isEqualTo(new DatasetId("orders.orders"));
        assertThatThrownBy(() -> new ProductId("orders.Orders")).hasMessageContaining("invalid product id");
    }
}
