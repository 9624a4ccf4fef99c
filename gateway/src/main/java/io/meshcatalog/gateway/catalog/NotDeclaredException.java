package io.meshcatalog.gateway.catalog;

/**
 * A vocabulary field the catalog cannot answer because no harvested descriptor declares the product
 * or dataset: a dataset known only from OpenLineage, or a product whose domain's descriptor was never
 * stored. Answered as {@code NOT_FOUND}, with the id in the message.
 */
final class NotDeclaredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotDeclaredException(String message) {
        super(message);
    }
}
