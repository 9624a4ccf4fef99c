package io.meshcatalog.subgraphs.kit.catalog;

/** The catalog contract was asked for by a caller that may not read every product of the domain. */
public class ContractRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContractRefusedException(String message) {
        super(message);
    }
}
