package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.supergraph.Subgraph;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EarlySupergraphTests {

    private static final Path ENTITIES = Path.of("src/test/resources/golden/entities/supergraph.graphql");

    @Test
    void earlyReadIsHandedOverOnceForTheSameFile() {
        EarlySupergraph.start(new String[] {"--server.port=0", "--supergraph=" + ENTITIES});
        assertThat(new SupergraphFile(ENTITIES).load().subgraphs())
                .extracting(Subgraph::name)
                .contains("reviews");
        assertThat(EarlySupergraph.take(ENTITIES)).isNull();
    }

    @Test
    void earlyReadOfAnotherFileIsIgnored() {
        EarlySupergraph.start(new String[] {"--supergraph=src/test/resources/golden/shareable/supergraph.graphql"});
        assertThat(EarlySupergraph.take(ENTITIES)).isNull();
    }

    @Test
    void earlyFailureIsReportedLikeANormalRead() {
        Path missing = Path.of("does-not-exist.graphql");
        EarlySupergraph.start(new String[] {"--supergraph=" + missing});
        assertThatThrownBy(() -> new SupergraphFile(missing).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("does-not-exist.graphql");
    }
}
