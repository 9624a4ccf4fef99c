package io.meshcatalog.gateway.http;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.meshcatalog.gateway.execution.GatewayResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access log ({@code gateway.access-log}): one JSON object per answered request, one per line, written by a
 * logger of its own ({@code io.meshcatalog.access}) through a queue that drops lines rather than hold an event loop
 * when the disk is slow. {@code stdout}, or a file that rolls daily and at 100 MB, keeping 14 days (at most 2 GB);
 * off when unset.
 *
 * <p>Each line: {@code time}, {@code method}, {@code path}, {@code route}, {@code status}, {@code durationMs},
 * {@code caller} (the subject, {@code anonymous} without a credential) and {@code credential} (an API key's id or a
 * token's {@code jti}), {@code source}, {@code requestBytes},
 * {@code responseBytes}, and for GraphQL {@code operation}, {@code operationType} and {@code errors}; {@code traceId}
 * when tracing is on. Never a header, a credential, a query or variables.
 */
final class AccessLog implements ExchangeListener, AutoCloseable {

    static final String LOGGER = "io.meshcatalog.access";

    private final org.slf4j.Logger log;
    private final Appender<ILoggingEvent> appender;
    private final JsonMapper json;

    private AccessLog(org.slf4j.Logger log, Appender<ILoggingEvent> appender, JsonMapper json) {
        this.log = log;
        this.appender = appender;
        this.json = json;
    }

    /** The access log {@code target} names ({@code stdout} or a file), or null when it is blank or {@code off}. */
    static @Nullable AccessLog open(String target, JsonMapper json) {
        String where = target.strip();
        if (where.isEmpty() || where.equalsIgnoreCase("off")) {
            return null;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> out =
                where.equalsIgnoreCase("stdout") ? new ConsoleAppender<>() : rolling(context, where);
        out.setContext(context);
        out.setName("access-out");
        out.setEncoder(encoder);
        out.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("access");
        async.setQueueSize(8_192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(true);
        async.addAppender(out);
        async.start();
        Logger logger = context.getLogger(LOGGER);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(async);
        return new AccessLog(logger, async, json);
    }

    private static RollingFileAppender<ILoggingEvent> rolling(LoggerContext context, String file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setFile(file);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
        policy.setMaxFileSize(FileSize.valueOf("100MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("2GB"));
        policy.start();
        appender.setRollingPolicy(policy);
        return appender;
    }

    @Override
    public void answered(Exchange exchange) {
        log.info(json.writeValueAsString(line(exchange)));
    }

    /** The fields of one line, in order. */
    static Map<String, Object> line(Exchange exchange) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", exchange.at().toString());
        line.put("method", exchange.method());
        line.put("path", exchange.path());
        line.put("route", exchange.route());
        line.put("status", exchange.status());
        line.put("durationMs", Math.round(exchange.nanos() / 10_000.0) / 100.0);
        line.put("caller", exchange.caller().name());
        if (exchange.caller().credential() != null) {
            line.put("credential", exchange.caller().credential());
        }
        line.put("source", exchange.source());
        line.put("requestBytes", exchange.requestBytes());
        line.put("responseBytes", exchange.responseBytes());
        GatewayResponse.Operation operation = exchange.operation();
        if (operation != null) {
            line.put("operation", operation.name());
            line.put("operationType", operation.type());
            line.put("errors", operation.errors());
        }
        if (exchange.traceId() != null) {
            line.put("traceId", exchange.traceId());
        }
        return line;
    }

    @Override
    public void close() {
        ((Logger) log).detachAppender(appender);
        appender.stop();
    }
}
