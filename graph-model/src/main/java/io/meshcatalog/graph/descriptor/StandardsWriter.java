package io.meshcatalog.graph.descriptor;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole domain in the open standards, one YAML stream: an ODPS v1.0 document per product, then an ODCS v3.1
 * contract per dataset. {@link DescriptorLoader} reads it back into an equal descriptor.
 */
public final class StandardsWriter {

    private final OdpsWriter odps = new OdpsWriter();
    private final OdcsWriter odcs = new OdcsWriter();

    public String write(DomainDescriptor descriptor) {
        List<String> documents = new ArrayList<>();
        for (DataProduct product : descriptor.products()) {
            documents.add(odps.write(descriptor.domain(), product));
        }
        for (DataProduct product : descriptor.products()) {
            for (Dataset dataset : product.datasets()) {
                documents.add(odcs.write(descriptor.domain(), product, dataset));
            }
        }
        return "---\n" + String.join("---\n", documents);
    }
}
