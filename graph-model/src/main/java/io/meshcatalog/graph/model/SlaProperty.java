package io.meshcatalog.graph.model;

/** ODCS {@code slaProperties[]}: for example {@code latency 4 h} or {@code availability 99.5 %}. */
public record SlaProperty(String property, String value, String unit, String element) {}
