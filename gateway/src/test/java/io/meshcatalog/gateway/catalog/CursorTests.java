package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void theNextPageStartsJustAfterTheCursor() {
        assertThat(Cursor.offsetAfter(Cursor.of(0))).isEqualTo(1);
        assertThat(Cursor.offsetAfter(Cursor.of(41))).isEqualTo(42);
    }

    @Test
    void noCursorStartsAtTheFirstHit() {
        assertThat(Cursor.offsetAfter(null)).isZero();
        assertThat(Cursor.offsetAfter("")).isZero();
    }

    @Test
    void aCursorTheCatalogDidNotIssueIsNamedInTheError() {
        assertThatThrownBy(() -> Cursor.offsetAfter("zzz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after")
                .hasMessageContaining("zzz");
        assertThatThrownBy(() -> Cursor.offsetAfter(
                        Base64.getEncoder().encodeToString("offset:-4".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuditCursorStandsForItsSequenceNumberAndNoCursorForTheStart() {
        assertThat(Cursor.seqOf(Cursor.ofSeq(1234567890123L))).isEqualTo(1234567890123L);
        assertThat(Cursor.seqOf(null)).isZero();
        assertThat(Cursor.seqOf("")).isZero();
    }

    @Test
    void aCursorOfOneListIsRefusedByTheOther() {
        assertThatThrownBy(() -> Cursor.seqOf(Cursor.of(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a cursor this catalog issued");
        assertThatThrownBy(() -> Cursor.offsetAfter(Cursor.ofSeq(3))).isInstanceOf(IllegalArgumentException.class);
    }
}
