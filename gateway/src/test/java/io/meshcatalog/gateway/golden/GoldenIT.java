package io.meshcatalog.gateway.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.support.GatewayCalls;
import io.meshcatalog.gateway.support.GoldenCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden scenario: for each operation, the printed plan and the response must equal the
 * files next to it. Subgraphs run over real HTTP. Run with {@code -Dgolden.update=true} to write
 * the files from the current behaviour (then review the diff before committing).
 */
class GoldenIT {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicNode> everyGoldenCaseMatchesItsPlanAndResponse() throws IOException {
    List<DynamicNode> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(GoldenCase.ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String name = dir.getFileName().toString();
        cases.add(DynamicContainer.dynamicContainer(name, Stream.of(DynamicTest.dynamicTest(name, () -> runCase(name)))));
      }
    }
    return cases.stream();
  }

  @SuppressWarnings("unchecked")
  private static void runCase(String name) throws IOException {
    try (GoldenCase golden = GoldenCase.start(name)) {
      for (String operation : golden.operations()) {
        Path base = golden.directory().resolve("operations");
        String query = Files.readString(base.resolve(operation + ".graphql"));
        Path variablesFile = base.resolve(operation + ".variables.json");
        Map<String, Object> variables = Files.exists(variablesFile)
            ? GatewayCalls.JSON.readValue(Files.readString(variablesFile), Map.class) : Map.of();
        Map<String, Object> response = GatewayCalls.run(golden.gateway(), query, variables, golden.caller(operation));
        String plan = GatewayCalls.plan(response);
        String actual = GatewayCalls.pretty(GatewayCalls.tree(response));
        Path planFile = base.resolve(operation + ".plan");
        Path responseFile = base.resolve(operation + ".response.json");
        if (UPDATE) {
          Files.writeString(planFile, plan);
          Files.writeString(responseFile, actual);
          continue;
        }
        assertThat(plan).as(name + "/" + operation + " plan").isEqualTo(Files.readString(planFile));
        assertThat(actual).as(name + "/" + operation + " response")
            .isEqualTo(GatewayCalls.pretty(GatewayCalls.tree(Files.readString(responseFile))));
      }
    }
  }
}
