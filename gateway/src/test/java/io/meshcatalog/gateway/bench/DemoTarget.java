package io.meshcatalog.gateway.bench;

/**
 * The running demo a load driver sends to, from the system properties its script sets under {@code prefix}:
 * {@code .gateway} (its URL), {@code .pid} (its process, for heap readings; -1 when not given) and {@code .adminKey}.
 */
record DemoTarget(String gateway, long pid, String adminKey) {

    static DemoTarget of(String prefix) {
        return new DemoTarget(
                System.getProperty(prefix + ".gateway", "http://localhost:8080"),
                Long.getLong(prefix + ".pid", -1),
                System.getProperty(prefix + ".adminKey", ""));
    }
}
