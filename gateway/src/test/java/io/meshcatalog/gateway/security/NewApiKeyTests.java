package io.meshcatalog.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NewApiKeyTests {

    @Test
    void printsAKeyAndTheConfigurationThatAcceptsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NewApiKey.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        Matcher key = Pattern.compile("mck_([a-z0-9]{10})_[0-9a-f]{64}").matcher(printed);
        assertThat(key.find()).as(printed).isTrue();
        assertThat(printed)
                .contains("- id: " + key.group(1))
                .contains("hash: sha256:" + ApiKeyFormat.sha256(key.group()));
        assertThat(NewApiKey.requested(new String[] {"--new-api-key"})).isTrue();
        assertThat(NewApiKey.requested(new String[] {"--demo"})).isFalse();
    }
}
