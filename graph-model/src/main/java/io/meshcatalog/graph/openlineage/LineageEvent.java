package io.meshcatalog.graph.openlineage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One OpenLineage event, validated. A run event has a run and a job; a job event a job without a
 * run; a dataset event a single dataset (in {@code outputs}) and neither. {@code errorMessage} is a run's
 * {@code errorMessage} facet's message, cut to {@link #MAX_ERROR} characters; null without one.
 */
public record LineageEvent(
        Kind kind,
        Instant eventTime,
        String producer,
        String schemaUrl,
        @Nullable String runId,
        @Nullable String eventType,
        @Nullable String jobNamespace,
        @Nullable String jobName,
        List<EventDataset> inputs,
        List<EventDataset> outputs,
        @Nullable String errorMessage) {

    /** The longest error message kept of a run. */
    public static final int MAX_ERROR = 2_000;

    public enum Kind {
        RUN,
        JOB,
        DATASET
    }

    public LineageEvent {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (errorMessage != null && errorMessage.length() > MAX_ERROR) {
            errorMessage = errorMessage.substring(0, MAX_ERROR) + "…";
        }
    }

    /** An event without an error message. */
    public LineageEvent(
            Kind kind,
            Instant eventTime,
            String producer,
            String schemaUrl,
            @Nullable String runId,
            @Nullable String eventType,
            @Nullable String jobNamespace,
            @Nullable String jobName,
            List<EventDataset> inputs,
            List<EventDataset> outputs) {
        this(kind, eventTime, producer, schemaUrl, runId, eventType, jobNamespace, jobName, inputs, outputs, null);
    }

    public @Nullable String jobId() {
        return jobNamespace == null ? null : jobNamespace + "/" + jobName;
    }

    /**
     * What makes this event the same event when it is sent again (a client retrying after a timeout): a run event's
     * run id, type and time; a job's or a dataset's name and time. Two events of one key are stored once.
     */
    public String identity() {
        return switch (kind) {
            case RUN -> "run " + runId + " " + eventType + " " + eventTime;
            case JOB -> "job " + jobId() + " " + eventTime;
            case DATASET -> "dataset " + outputs.get(0).key() + " " + eventTime;
        };
    }

    /** A failed or aborted run says nothing reliable about lineage: only its state is kept. */
    public boolean carriesLineage() {
        return !"FAIL".equals(eventType) && !"ABORT".equals(eventType);
    }
}
