package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.lineage.CatalogConflictException;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.UnknownNodeException;
import org.junit.jupiter.api.Test;

class CatalogErrorsTests {

    @Test
    void failuresAreClassifiedByWhatTheCallerCanDo() {
        assertThat(CatalogErrors.classify(new UnknownNodeException(NodeRef.product("orders.orders"))))
                .isEqualTo(CatalogErrors.Code.NOT_FOUND);
        assertThat(CatalogErrors.classify(new IllegalArgumentException("bad id")))
                .isEqualTo(CatalogErrors.Code.BAD_USER_INPUT);
        assertThat(CatalogErrors.classify(new CatalogConflictException("taken")))
                .isEqualTo(CatalogErrors.Code.CONFLICT);
        assertThat(CatalogErrors.classify(new IllegalStateException("bug")))
                .isEqualTo(CatalogErrors.Code.INTERNAL_SERVER_ERROR);
    }
}
