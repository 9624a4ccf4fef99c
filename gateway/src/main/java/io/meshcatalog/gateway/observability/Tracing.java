package io.meshcatalog.gateway.observability;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's OpenTelemetry, set up once ({@link #start}) from the standard variables ({@code OTEL_SERVICE_NAME},
 * {@code OTEL_TRACES_SAMPLER}, {@code OTEL_EXPORTER_OTLP_ENDPOINT}, … or the same as {@code -Dotel.*}): export is off
 * unless an OTLP endpoint or a traces exporter is named, and then spans are not recorded (sampler
 * {@code parentbased_always_off} unless {@code OTEL_TRACES_SAMPLER} says otherwise) but still made, so trace ids reach
 * the access log and {@code traceparent} reaches every subgraph. The service is {@code mesh-catalog-gateway} unless named otherwise.
 *
 * <p>Every span of the gateway starts here, from an explicit parent {@link Context} (requests hop threads): the
 * request's ({@link #server}), each step's ({@link #step}), each subgraph fetch's ({@link #client}); the graph model
 * starts its statement spans from {@link Context#current()}, which the catalog sets to the fetch's.
 */
public final class Tracing {

    static final String SCOPE = "io.meshcatalog.gateway";

    private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static volatile @Nullable OpenTelemetry started;

    private Tracing() {}

    /**
     * Sets up the process's OpenTelemetry from {@code environment} (the {@code OTEL_*} variables), once: later calls
     * (another gateway in the same JVM, as tests start them) keep the first.
     */
    public static synchronized OpenTelemetry start(Map<String, String> environment) {
        OpenTelemetry running = started;
        if (running != null) {
            return running;
        }
        // OTLP over HTTP (port 4318) with the JDK's client: the gateway carries no gRPC stack
        Map<String, String> defaults = new HashMap<>(Map.of(
                "otel.service.name",
                "mesh-catalog-gateway",
                "otel.metrics.exporter",
                "none",
                "otel.logs.exporter",
                "none",
                "otel.exporter.otlp.protocol",
                "http/protobuf"));
        boolean exports = environment.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                || environment.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                || System.getProperty("otel.exporter.otlp.endpoint") != null
                || System.getProperty("otel.exporter.otlp.traces.endpoint") != null;
        defaults.put("otel.traces.exporter", exports ? "otlp" : "none");
        boolean exporterNamed = exports
                || environment.containsKey("OTEL_TRACES_EXPORTER")
                || System.getProperty("otel.traces.exporter") != null;
        if (!exporterNamed) {
            // nothing would read a recorded span: record none of its own (ids are still made and sent on), a client's
            // sampled trace is still recorded and passed on as sampled
            defaults.put("otel.traces.sampler", "parentbased_always_off");
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        try {
            GlobalOpenTelemetry.set(sdk);
        } catch (IllegalStateException e) {
            // something read the global one first (a test that started the catalog in-process): the gateway's spans
            // still
            // go to this one, the graph model's to that one
            LOG.warn(
                    "OpenTelemetry was set up before the gateway's: Cypher statement spans are not exported with the rest");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sdk::close, "otel-shutdown"));
        started = sdk;
        return sdk;
    }

    private static OpenTelemetry otel() {
        OpenTelemetry otel = started;
        return otel != null ? otel : OpenTelemetry.noop();
    }

    private static Tracer tracer() {
        return otel().getTracer(SCOPE);
    }

    /** The context a request's headers carry ({@code traceparent}, {@code tracestate}; lower-case names), or root. */
    public static Context extract(Map<String, String> headers) {
        return otel().getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
    }

    /** The headers that carry {@code context} to a subgraph ({@code traceparent}, …); empty when it has no span. */
    public static Map<String, String> inject(Context context) {
        Map<String, String> headers = new HashMap<>();
        otel().getPropagators().getTextMapPropagator().inject(context, headers, (carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        return headers;
    }

    /** The span of one HTTP request, under what its headers carry; renamed once its route is known. */
    public static Span server(String method, Map<String, String> headers) {
        return tracer().spanBuilder(method)
                .setSpanKind(SpanKind.SERVER)
                .setParent(extract(headers))
                .startSpan();
    }

    /** A fetch from a subgraph, under {@code parent}. */
    public static Span client(String name, Context parent) {
        return tracer().spanBuilder(name)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .startSpan();
    }

    /** Runs one step of a request ({@code graphql.parse}, {@code graphql.plan} …) in a span of its own under parent. */
    @SuppressWarnings("try") // the scope is what the try holds: the span is current inside it
    public static <T> T step(String name, Context parent, Supplier<T> work) {
        Span span = tracer().spanBuilder(name).setParent(parent).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Marks a span failed, with the failure's type only: messages may carry what a client sent. */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }

    /** The trace id of a span that is sampled, else null (nothing to look up in a tracing backend). */
    public static @Nullable String traceId(Span span) {
        return span.getSpanContext().isSampled() ? span.getSpanContext().getTraceId() : null;
    }
}
