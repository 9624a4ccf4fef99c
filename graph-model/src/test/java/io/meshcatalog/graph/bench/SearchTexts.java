package io.meshcatalog.graph.bench;

import java.util.List;

/**
 * What the benchmarks search the synthetic mesh for: eight texts in the words of its products' subjects and cadences
 * ({@link SyntheticMesh#productName}), taken in turn, and the tag of the products each is about.
 */
public final class SearchTexts {

    /** Broad texts: each matches a sixteenth of the products or more, their datasets and the products derived from them. */
    public static final List<String> TEXTS = List.of(
            "delivery delays",
            "customer churn",
            "daily revenue",
            "refunds",
            "carrier performance",
            "stock levels",
            "fraud alerts",
            "marketing campaigns");

    private SearchTexts() {}

    /** The {@code i}-th search's text, in turn. */
    public static String text(int i) {
        return TEXTS.get(Math.floorMod(i, TEXTS.size()));
    }

    /** The tag of the products a text is about ({@link SyntheticMesh#productTag}). */
    public static String tag(String text) {
        return switch (text) {
            case "delivery delays", "carrier performance" -> "shipping";
            case "customer churn" -> "crm";
            case "daily revenue", "refunds" -> "finance";
            case "stock levels" -> "inventory";
            case "fraud alerts" -> "risk";
            default -> "marketing";
        };
    }
}
