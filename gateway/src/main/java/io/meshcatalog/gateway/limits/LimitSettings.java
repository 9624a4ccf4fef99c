package io.meshcatalog.gateway.limits;

import graphql.parser.ParserOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The limits an operation must keep to ({@code gateway.limits.*}, Apollo Router's names where it has them). A measured
 * limit set to 0 is off. The parser's limits apply while a document is parsed, and the fragment depth right after, the
 * same for every caller; the others to the operation a request runs, before its document is validated (graphql-java's
 * validation is slow on some shapes the limits refuse) and before anything is planned.
 *
 * @param maxDepth the deepest nesting of fields ({@code max-depth})
 * @param maxHeight the most fields, as {@link OperationMeasures#height()} counts them ({@code max-height})
 * @param maxRootFields the most root fields ({@code max-root-fields})
 * @param maxAliases the most aliased fields ({@code max-aliases})
 * @param maxCost the highest estimated cost ({@code max-cost}; Apollo's {@code demand_control} static estimate)
 * @param listSize the size assumed for a list field without {@code @listSize} ({@code list-size})
 * @param introspectionMaxDepth whether introspection lists may not nest {@link #INTROSPECTION_LIST_DEPTH} deep
 *     ({@code introspection-max-depth})
 * @param parserMaxTokens the most tokens a document may have ({@code parser-max-tokens})
 * @param parserMaxRecursion the deepest the parser may recurse, in grammar rules ({@code parser-max-recursion})
 * @param maxFragmentDepth the longest chain of fragments spreading one another ({@code max-fragment-depth}; not
 *     Apollo's: apollo-compiler bounds such chains with a fixed recursion limit)
 */
public record LimitSettings(
        int maxDepth,
        int maxHeight,
        int maxRootFields,
        int maxAliases,
        long maxCost,
        int listSize,
        boolean introspectionMaxDepth,
        int parserMaxTokens,
        int parserMaxRecursion,
        int maxFragmentDepth) {

    /** How the settings are named in configuration, for messages. */
    public static final String PREFIX = "gateway.limits.";

    /** Introspection lists nested this deep are refused, as graphql-js and Apollo Router refuse them. */
    public static final int INTROSPECTION_LIST_DEPTH = 3;

    /** For a public deployment; gateway/docs/limits.md says why each. */
    public static final LimitSettings DEFAULTS = new LimitSettings(20, 400, 20, 30, 5_000, 10, true, 15_000, 500, 20);

    /** Nothing measured; the parser's own defaults (graphql-java's, which are Apollo Router's). */
    public static final LimitSettings NONE = new LimitSettings(
            0, 0, 0, 0, 0, 10, false, ParserOptions.MAX_QUERY_TOKENS, ParserOptions.MAX_RULE_DEPTH, 0);

    public LimitSettings {
        atLeast("max-depth", maxDepth, 0);
        atLeast("max-height", maxHeight, 0);
        atLeast("max-root-fields", maxRootFields, 0);
        atLeast("max-aliases", maxAliases, 0);
        atLeast("max-cost", maxCost, 0);
        atLeast("list-size", listSize, 0);
        atLeast("parser-max-tokens", parserMaxTokens, 1);
        atLeast("parser-max-recursion", parserMaxRecursion, 1);
        atLeast("max-fragment-depth", maxFragmentDepth, 0);
    }

    private static void atLeast(String name, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(PREFIX + name + " must be "
                    + (least == 0 ? "0 (off) or more" : "at least " + least) + ", not " + value);
        }
    }

    /** Whether any limit needs the operation measured. */
    public boolean measuresAnything() {
        return maxDepth > 0
                || maxHeight > 0
                || maxRootFields > 0
                || maxAliases > 0
                || maxCost > 0
                || introspectionMaxDepth;
    }

    /** What graphql-java parses every document with: these token and recursion limits, its own for the rest. */
    public ParserOptions parserOptions() {
        return ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(parserMaxTokens)
                        .maxRuleDepth(parserMaxRecursion)
                        // Whitespace runs are bounded by the document's length already; counting them apart would make
                        // a cancelled
                        // parse ambiguous between them and the tokens this setting is about.
                        .maxWhitespaceTokens(Integer.MAX_VALUE));
    }

    /** Why a document whose fragments spread one another {@code depth} deep may not be validated; null when it may. */
    public @Nullable LimitRefusal fragmentDepthRefusal(int depth) {
        return maxFragmentDepth > 0 && depth > maxFragmentDepth
                ? new LimitRefusal(
                        "MAX_FRAGMENT_DEPTH_LIMIT",
                        "the document's fragments spread one another " + depth + " deep, above " + PREFIX
                                + "max-fragment-depth " + maxFragmentDepth)
                : null;
    }

    /** Every limit the measures go beyond, each named with its measure; empty when the operation keeps to all. */
    public List<LimitRefusal> refusals(OperationMeasures measured) {
        List<LimitRefusal> refusals = new ArrayList<>();
        if (maxDepth > 0 && measured.depth() > maxDepth) {
            refusals.add(new LimitRefusal(
                    "MAX_DEPTH_LIMIT",
                    "the operation's depth is " + measured.depth() + ", above " + PREFIX + "max-depth " + maxDepth));
        }
        if (maxHeight > 0 && measured.height() > maxHeight) {
            refusals.add(new LimitRefusal(
                    "MAX_HEIGHT_LIMIT",
                    "the operation's height (its fields, a fragment's each time " + "it is spread) is "
                            + measured.height() + ", above " + PREFIX + "max-height " + maxHeight));
        }
        if (maxRootFields > 0 && measured.rootFields() > maxRootFields) {
            refusals.add(new LimitRefusal(
                    "MAX_ROOT_FIELDS_LIMIT",
                    "the operation has " + measured.rootFields() + " root fields, above " + PREFIX + "max-root-fields "
                            + maxRootFields));
        }
        if (maxAliases > 0 && measured.aliases() > maxAliases) {
            refusals.add(new LimitRefusal(
                    "MAX_ALIASES_LIMIT",
                    "the operation has " + measured.aliases() + " aliases, above " + PREFIX + "max-aliases "
                            + maxAliases));
        }
        if (maxCost > 0 && measured.cost() > maxCost) {
            refusals.add(new LimitRefusal(
                    "COST_ESTIMATED_TOO_EXPENSIVE",
                    "the operation's estimated cost is "
                            + number(measured.cost()) + ", above " + PREFIX + "max-cost " + maxCost
                            + " (a list counts as "
                            + PREFIX + "list-size " + listSize
                            + " items unless its field's @listSize says otherwise)"));
        }
        if (introspectionMaxDepth && measured.introspectionDepth() >= INTROSPECTION_LIST_DEPTH) {
            refusals.add(new LimitRefusal(
                    "MAX_INTROSPECTION_DEPTH_LIMIT",
                    "the operation nests introspection lists "
                            + "(fields, inputFields, interfaces, possibleTypes) " + measured.introspectionDepth()
                            + " deep; "
                            + PREFIX + "introspection-max-depth allows " + (INTROSPECTION_LIST_DEPTH - 1)));
        }
        return refusals;
    }

    /** A cost as people write it: no exponent, no trailing zeros. */
    private static String number(double value) {
        return Double.isFinite(value)
                ? new BigDecimal(value)
                        .setScale(1, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                : "beyond any bound";
    }
}
