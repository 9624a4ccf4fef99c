package io.meshcatalog.subgraphs.finance;

/** The shared GraphQL value type {@code Money}, as finance reports it: rounded to cents. */
public record Money(double amount, String currency) {

    public static Money eur(double amount) {
        return new Money(Math.round(amount * 100) / 100.0, "EUR");
    }
}
