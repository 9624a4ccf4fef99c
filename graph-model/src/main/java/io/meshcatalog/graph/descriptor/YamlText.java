package io.meshcatalog.graph.descriptor;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * How the catalog writes YAML (block style, lists indented under their key, lines up to 120 characters) and reads
 * what it is given.
 */
public final class YamlText {

    private YamlText() {}

    /** How the catalog reads YAML it is given: no recursive keys, at most 50 aliases of collections. */
    public static Yaml reader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        return new Yaml(options);
    }

    /** {@code value} (maps, lists, strings, numbers, booleans) as a YAML document. */
    public static String dump(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(true);
        return new Yaml(options).dump(value);
    }
}
