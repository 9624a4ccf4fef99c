package io.meshcatalog.gateway.supergraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The specs a schema links with {@code @link} (link v1.0), and the names their elements go by in it, as the link
 * spec has it: an imported element by its import ({@code {name: "@authenticated", as: "@auth"}} renames it), a
 * spec's namesake directive ({@code @authenticated} of {@code …/authenticated/v0.1}) by the spec's name (its
 * {@code as:}, else the URL's), any other element prefixed with that name ({@code requiresScopes__Scope}). Supergraphs
 * and subgraphs both name Apollo's directives this way, so the parser and the composer read them with this.
 */
final class Links {

    /** {@code https://specs.apollo.dev/<name>/v<major>.<minor>}: the identity, the name, the version. */
    private static final Pattern URL = Pattern.compile("^(.*/([A-Za-z_][A-Za-z0-9_]*))/(v\\d+\\.\\d+)/?$");

    private final Map<String, Link> byIdentity;

    private Links(Map<String, Link> byIdentity) {
        this.byIdentity = byIdentity;
    }

    /**
     * One linked spec.
     *
     * @param identity the URL without its version, e.g. {@code https://specs.apollo.dev/authenticated}
     * @param version the version, e.g. {@code v0.1}
     * @param name the prefix and namesake of its elements in this schema
     * @param imports imported elements ({@code @directive} or {@code Type}) by their name in the spec, to their
     *     name in this schema
     */
    record Link(String identity, String version, String name, Map<String, String> imports) {

        /** The name, without {@code @}, a directive of this spec has in the schema. */
        String directive(String element) {
            String imported = imports.get("@" + element);
            if (imported != null) {
                return imported.substring(1);
            }
            return element.equals(identity.substring(identity.lastIndexOf('/') + 1)) ? name : name + "__" + element;
        }

        /** The name a type of this spec has in the schema. */
        String type(String element) {
            String imported = imports.get(element);
            return imported != null ? imported : name + "__" + element;
        }

        /** {@code major.minor} as numbers, for comparisons. */
        int[] versionNumbers() {
            String[] parts = version.substring(1).split("\\.");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        }
    }

    /**
     * The links of a schema's definition and extensions.
     *
     * @throws IllegalArgumentException naming the {@code @link} that is malformed
     */
    static Links of(Document document) {
        Map<String, Link> links = new LinkedHashMap<>();
        for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
            for (Directive directive : Directives.named(schema, "link")) {
                String url = Directives.string(directive, "url");
                Matcher matcher = url == null ? null : URL.matcher(url);
                if (matcher == null || !matcher.matches()) {
                    continue;
                }
                String as = Directives.string(directive, "as");
                Link link = new Link(
                        matcher.group(1),
                        matcher.group(3),
                        as == null ? matcher.group(2) : as,
                        imports(Directives.value(directive, "import"), url));
                if (links.putIfAbsent(link.identity(), link) != null) {
                    throw new IllegalArgumentException(
                            "@link(url: \"" + url + "\"): " + link.identity() + " is linked twice");
                }
            }
        }
        return new Links(links);
    }

    /** The link to a spec, by the URL without its version. */
    Optional<Link> get(String identity) {
        return Optional.ofNullable(byIdentity.get(identity));
    }

    private static Map<String, String> imports(@Nullable Value<?> value, String url) {
        Map<String, String> imports = new LinkedHashMap<>();
        List<?> entries =
                value instanceof ArrayValue array ? array.getValues() : value == null ? List.of() : List.of(value);
        for (Object entry : entries) {
            if (entry instanceof StringValue name) {
                imports.put(name.getValue(), name.getValue());
            } else if (entry instanceof ObjectValue object && field(object, "name") != null) {
                String name = field(object, "name");
                String as = field(object, "as");
                if (as != null && name.startsWith("@") != as.startsWith("@")) {
                    throw new IllegalArgumentException("@link(url: \"" + url + "\") imports " + name + " as " + as
                            + ": a directive must be imported as a directive (both with @), a type as a type");
                }
                imports.put(name, as == null ? name : as);
            } else {
                throw new IllegalArgumentException("@link(url: \"" + url + "\", import:) has an entry that is neither "
                        + "\"@name\" nor {name: \"@name\", as: \"@other\"}");
            }
        }
        return imports;
    }

    private static @Nullable String field(ObjectValue object, String name) {
        for (ObjectField field : object.getObjectFields()) {
            if (field.getName().equals(name) && field.getValue() instanceof StringValue text) {
                return text.getValue();
            }
        }
        return null;
    }
}
