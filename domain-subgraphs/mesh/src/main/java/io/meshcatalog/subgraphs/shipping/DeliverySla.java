package io.meshcatalog.subgraphs.shipping;

/** The GraphQL {@code DeliverySla}: the delivery promise a shipping product is measured against. */
public record DeliverySla(int promisedWorkingDays, double targetOnTimeRate, int measuredOverDays) {}
