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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden scenario: for each operation, the printed plan and the response must equal the
 * files next to it. Subgraphs run over real HTTP, started once per case. Each operation is a test of its own, so one
 * that fails does not hide the others. Run with {@code -Dgolden.update=true} to write the files from the current
 * behaviour (then review the diff before committing).
 */
class GoldenIT {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicNode> everyGoldenOperationMatchesItsPlanAndResponse() throws IOException {
        List<DynamicNode> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(GoldenCase.ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                List<String> operations = GoldenCase.operations(dir);
                Running running = new Running(name, operations.size());
                cases.add(DynamicContainer.dynamicContainer(
                        name,
                        operations.stream()
                                .map(operation -> DynamicTest.dynamicTest(operation, () -> running.check(operation)))));
            }
        }
        return cases.stream();
    }

    /** A case's gateway and subgraphs: started for its first operation, stopped after its last, passed or failed. */
    private static final class Running {

        private final String name;
        private int left;
        private @Nullable GoldenCase golden;

        Running(String name, int operations) {
            this.name = name;
            this.left = operations;
        }

        void check(String operation) throws IOException {
            try {
                if (golden == null) {
                    golden = GoldenCase.start(name);
                }
                checkOperation(golden, operation);
            } finally {
                if (--left == 0 && golden != null) {
                    golden.close();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkOperation(GoldenCase golden, String operation) throws IOException {
        String name = golden.directory().getFileName().toString();
        Path base = golden.directory().resolve("operations");
        String query = Files.readString(base.resolve(operation + ".graphql"));
        Path variablesFile = base.resolve(operation + ".variables.json");
        Map<String, Object> variables = Files.exists(variablesFile)
                ? GatewayCalls.JSON.readValue(Files.readString(variablesFile), Map.class)
                : Map.of();
        Map<String, Object> response = GatewayCalls.run(golden.gateway(), query, variables, golden.caller(operation));
        String plan = GatewayCalls.plan(response);
        String actual = GatewayCalls.pretty(GatewayCalls.tree(response));
        Path planFile = base.resolve(operation + ".plan");
        Path responseFile = base.resolve(operation + ".response.json");
        if (UPDATE) {
            Files.writeString(planFile, plan);
            Files.writeString(responseFile, actual);
            return;
        }
        assertThat(plan).as(name + "/" + operation + " plan").isEqualTo(Files.readString(planFile));
        assertThat(actual)
                .as(name + "/" + operation + " response")
                .isEqualTo(GatewayCalls.pretty(GatewayCalls.tree(Files.readString(responseFile))));
    }
}
