package io.meshcatalog.graph.model;

/** ODPS {@code description}: why the product exists, what it cannot do, and how to use it. */
public record Description(String purpose, String limitations, String usage) {

    public static final Description EMPTY = new Description("", "", "");
}
