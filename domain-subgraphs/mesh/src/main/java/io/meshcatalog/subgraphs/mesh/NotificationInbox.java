package io.meshcatalog.subgraphs.mesh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo domain team's webhook: the gateway's catalog POSTs the team's notifications (a product upstream failing,
 * late, or changed in a breaking way) to {@code /notifications}, as it would to a chat channel; the inbox logs each
 * and keeps the last {@value #KEEP}, which {@code GET /notifications} lists, newest last.
 */
@RestController
public class NotificationInbox {

    static final int KEEP = 100;
    static final int MAX_BODY = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationInbox.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Deque<String> received = new ArrayDeque<>();

    @PostMapping(path = "/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> receive(@RequestBody byte[] body) {
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(413).body("a notification is at most " + MAX_BODY + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JSON.readTree(text);
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().body("a notification is a JSON document: " + e.getOriginalMessage());
        }
        synchronized (received) {
            received.addLast(text);
            while (received.size() > KEEP) {
                received.removeFirst();
            }
        }
        LOG.info("Notification received: {}", text.length() > 500 ? text.substring(0, 500) + " …" : text);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public String list() {
        synchronized (received) {
            return "[" + String.join(",", received) + "]";
        }
    }
}
