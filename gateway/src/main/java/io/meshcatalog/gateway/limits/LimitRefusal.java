package io.meshcatalog.gateway.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One limit an operation goes beyond.
 *
 * @param code the error code clients see in {@code extensions.code} (Apollo Router's where it has one)
 * @param message what was measured, against which setting
 */
public record LimitRefusal(String code, String message) {

    /** As a GraphQL error: {@code {"message": …, "extensions": {"code": …}}}. */
    public Map<String, Object> toSpecification() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        return error;
    }
}
