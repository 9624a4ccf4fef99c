package io.meshcatalog.gateway.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** What the server tells of every answered request: the HTTP and operation metrics, and the access log when on. */
public final class ExchangeObservers implements AutoCloseable {

    private final List<ExchangeListener> listeners;
    private final @Nullable AccessLog accessLog;

    private ExchangeObservers(List<ExchangeListener> listeners, @Nullable AccessLog accessLog) {
        this.listeners = List.copyOf(listeners);
        this.accessLog = accessLog;
    }

    /**
     * The metrics, naming at most {@code maxOperationNames} operations (none when {@code metrics} is false), and the
     * access log {@code accessLog} names ({@code gateway.access-log}: stdout, a file or off).
     */
    static ExchangeObservers of(boolean metrics, int maxOperationNames, String accessLog, JsonMapper json) {
        List<ExchangeListener> listeners = new ArrayList<>();
        if (metrics) {
            listeners.add(new HttpMetrics(maxOperationNames));
        }
        AccessLog log = AccessLog.open(accessLog, json);
        if (log != null) {
            listeners.add(log);
        }
        return new ExchangeObservers(listeners, log);
    }

    public List<ExchangeListener> listeners() {
        return listeners;
    }

    @Override
    public void close() {
        if (accessLog != null) {
            accessLog.close();
        }
    }
}
