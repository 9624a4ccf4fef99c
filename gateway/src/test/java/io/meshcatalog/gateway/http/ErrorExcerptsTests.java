package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorExcerptsTests {

    @Test
    void aMessageUpToTheLimitIsKeptWhole() {
        String limit = "m".repeat(ErrorExcerpts.MAX_CHARACTERS);
        assertThat(ErrorExcerpts.excerpt(limit)).isEqualTo(limit);
    }

    @Test
    void aLongerMessageKeepsItsBeginningAndEndAndSaysHowMuchWasCut() {
        String message = "invalid dataset id '" + "x".repeat(100_000) + "': expected <namespace>.<name>";
        String excerpt = ErrorExcerpts.excerpt(message);
        assertThat(excerpt)
                .hasSizeLessThan(ErrorExcerpts.MAX_CHARACTERS + 50)
                .startsWith("invalid dataset id 'xxx")
                .endsWith("': expected <namespace>.<name>")
                .contains("(" + (message.length() - 800) + " characters cut)");
    }

    @Test
    void onlyTheLongMessagesOfAResponseAreCutAndItsOtherPartsStay() {
        Map<String, Object> shortError = Map.of("message", "fine", "path", List.of("a"));
        Map<String, Object> longError = Map.of("message", "y".repeat(5_000), "extensions", Map.of("code", "X"));
        Map<String, Object> response = Map.of("data", Map.of("a", 1), "errors", List.of(shortError, longError));

        Map<String, Object> cut = ErrorExcerpts.of(response);

        assertThat(cut.get("data")).isEqualTo(Map.of("a", 1));
        List<?> errors = (List<?>) cut.get("errors");
        assertThat(errors.get(0)).isEqualTo(shortError);
        Map<?, ?> second = (Map<?, ?>) errors.get(1);
        assertThat(second.get("extensions")).isEqualTo(Map.of("code", "X"));
        assertThat((String) second.get("message")).contains("characters cut");
        assertThat(ErrorExcerpts.of(Map.of("errors", List.of(shortError))))
                .isEqualTo(Map.of("errors", List.of(shortError)));
    }
}
