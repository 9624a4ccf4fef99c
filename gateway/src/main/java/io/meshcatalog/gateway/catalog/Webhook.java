package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.lineage.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's webhook ({@code catalog.notifications.webhooks[]}): where its notifications are POSTed, as Slack's incoming
 * webhooks read them ({@code SLACK}: a {@code text}) or as plain JSON ({@code JSON}: every field). Each request
 * carries the notification's id in {@code Idempotency-Key}, so a receiver can drop a repeat, and with a {@code secret}
 * an HMAC-SHA256 of the body in {@code X-Mesh-Catalog-Signature}.
 *
 * @param team the team it belongs to, as descriptors name it
 * @param url where to POST (kept in configuration, never in the graph: a Slack webhook URL is a secret)
 * @param format SLACK or JSON (the default)
 * @param secret the HMAC key; null for no signature
 */
public record Webhook(
        String team,
        URI url,
        @Nullable String format,
        @Nullable String secret) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one POST came to. */
    enum Outcome {
        SENT,
        RETRY,
        REFUSED
    }

    public Webhook {
        if (team == null || team.isBlank()) {
            throw new IllegalArgumentException("catalog.notifications.webhooks[].team is required");
        }
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException(
                    "catalog.notifications.webhooks[] of team " + team + " needs an http or https url, not " + url);
        }
        if (format != null && !format.equalsIgnoreCase("SLACK") && !format.equalsIgnoreCase("JSON")) {
            throw new IllegalArgumentException("catalog.notifications.webhooks[] of team " + team + " has format '"
                    + format + "'; it is SLACK or JSON");
        }
    }

    boolean slack() {
        return format != null && format.toUpperCase(Locale.ROOT).equals("SLACK");
    }

    /** POSTs the notification; the outcome and, unless SENT, why. */
    Map.Entry<Outcome, String> send(HttpClient client, Notification notification, Duration timeout)
            throws InterruptedException {
        byte[] body = body(notification);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", DigestUtils.sha256Hex(notification.id()))
                .header("User-Agent", "mesh-catalog")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null && !secret.isEmpty()) {
            request.header("X-Mesh-Catalog-Signature", "sha256=" + hmac(secret, body));
        }
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status >= 200 && status < 300) {
                return Map.entry(Outcome.SENT, "");
            }
            boolean transient_ = status == 408 || status == 429 || status >= 500;
            return Map.entry(transient_ ? Outcome.RETRY : Outcome.REFUSED, "the webhook answered HTTP " + status);
        } catch (IOException e) {
            return Map.entry(
                    Outcome.RETRY,
                    "the webhook could not be reached: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    byte[] body(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (slack()) {
            body.put("text", text(n));
        } else {
            body.put("id", n.id());
            body.put("kind", n.kind());
            body.put("team", n.team());
            body.put("subject", n.subject());
            body.put("product", n.product());
            body.put("reason", n.reason());
            body.put("affected", n.affected());
            body.put("at", n.at());
        }
        return JSON.writeValueAsBytes(body);
    }

    /** The message a person reads in a chat channel. */
    static String text(Notification n) {
        String what = switch (n.kind()) {
            case "FAILING" -> "is failing";
            case "LATE" -> "is late";
            case "BREAKING" -> "changed in a way that breaks what reads it";
            default -> n.kind();
        };
        return "Mesh Catalog: " + n.subject() + " " + what + ". " + n.reason()
                + (n.affected().isEmpty() ? "" : "\nYours downstream: " + String.join(", ", n.affected()));
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Webhook[team=" + team + ", url=(withheld), format=" + format + "]";
    }
}
