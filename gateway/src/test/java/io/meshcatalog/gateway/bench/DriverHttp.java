package io.meshcatalog.gateway.bench;

import java.net.http.HttpClient;
import java.time.Duration;

/** The load drivers' HTTP client. */
final class DriverHttp {

    private DriverHttp() {}

    /** HTTP/1.1, as browsers and tools speak to the gateway: the JDK client's h2c upgrade attempts stall under load. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
