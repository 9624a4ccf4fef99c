package io.meshcatalog.subgraphs.marketing;

/** The shared GraphQL value type {@code Money}, as marketing reports it. */
public record Money(double amount, String currency) {}
