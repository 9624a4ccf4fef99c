package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.TemplateRef;
import io.meshcatalog.graph.template.ProductTemplate;
import io.meshcatalog.graph.template.TemplateValuesException;
import java.util.List;

/**
 * How a product stands against its template, both said as the named changes of {@link ProductDiff}: its drift (what
 * the domain changed after instantiating: the template made of the product's own values, then the product) and an
 * upgrade (what the template's newer version makes differently of the same values).
 */
public final class TemplateDrift {

    private TemplateDrift() {}

    /**
     * What {@code product} changed against what {@code template} (the version it names) makes of its values; a
     * {@link TemplateValuesException} or {@link io.meshcatalog.graph.descriptor.DescriptorException} when the
     * template cannot make a product of them.
     */
    public static List<SchemaChange> of(ProductTemplate template, DataProduct product) {
        TemplateRef made = made(product);
        return ProductDiff.between(template.instantiate(made.values()).withTemplate(made), product);
    }

    /** What moving {@code product} from the version it was made from to {@code newer} would change. */
    public static List<SchemaChange> upgrade(ProductTemplate from, ProductTemplate newer, DataProduct product) {
        TemplateRef made = made(product);
        DataProduct before = from.instantiate(made.values());
        DataProduct after = newer.instantiate(made.values());
        return ProductDiff.between(before, after.withTemplate(before.template()));
    }

    private static TemplateRef made(DataProduct product) {
        if (product.template() == null) {
            throw new IllegalArgumentException(product.id() + " was not made from a template");
        }
        return product.template();
    }
}
