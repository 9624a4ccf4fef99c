package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.supergraph.Subgraph;
import io.meshcatalog.gateway.supergraph.SupergraphException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed supergraph file is served without a restart; a bad one keeps the old one serving. */
class SupergraphFileTests {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir
  Path dir;

  @Test
  void changedFileIsServedWithoutRestart() throws IOException {
    Path file = copy("entities");
    SupergraphFile source = new SupergraphFile(file);
    Gateway gateway = gateway(source);
    assertThat(gateway.supergraph().subgraphs()).extracting(Subgraph::name).contains("reviews");
    Files.copy(GOLDEN.resolve("shareable/supergraph.graphql"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    touch(file, 10);
    source.reloadIfChanged(gateway);
    assertThat(gateway.supergraph().subgraphs()).extracting(Subgraph::name).containsExactly("catalog", "pricing");
  }

  @Test
  void badNewFileKeepsTheOldSupergraph() throws IOException {
    Path file = copy("entities");
    SupergraphFile source = new SupergraphFile(file);
    Gateway gateway = gateway(source);
    Files.writeString(file, "type Query { broken: Int }");
    touch(file, 10);
    source.reloadIfChanged(gateway);
    assertThat(gateway.supergraph().subgraphs()).extracting(Subgraph::name).contains("reviews");
  }

  @Test
  void badFileAtStartUpNamesTheFile() throws IOException {
    Path file = dir.resolve("bad.graphql");
    Files.writeString(file, "type Query { a: Int }");
    assertThatThrownBy(() -> new SupergraphFile(file).load())
        .isInstanceOf(SupergraphException.class).hasMessageContaining("bad.graphql");
  }

  private Path copy(String name) throws IOException {
    Path file = dir.resolve("supergraph.graphql");
    Files.copy(GOLDEN.resolve(name).resolve("supergraph.graphql"), file);
    return file;
  }

  private static void touch(Path file, int seconds) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
  }

  private static Gateway gateway(SupergraphFile source) {
    return new Gateway(source.load(), Map.of(), SubgraphSettings.DEFAULTS,
        new PlanExecutor(request -> CompletableFuture.failedFuture(new IllegalStateException("no subgraphs here"))),
        Gateway.Options.defaults());
  }
}
