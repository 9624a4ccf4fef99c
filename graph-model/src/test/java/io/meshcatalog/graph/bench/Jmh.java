package io.meshcatalog.graph.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs a JMH benchmark class from a JUnit test, with the command-line options of {@code -Dbench.jmh="…"}. */
public final class Jmh {

    private Jmh() {}

    /** Runs every benchmark of {@code benchmarks} in a forked JVM, as JMH does; a benchmark that fails fails the run. */
    public static void run(Class<?> benchmarks) throws RunnerException, CommandLineOptionException {
        String extra = System.getProperty("bench.jmh", "").strip();
        Options given = new CommandLineOptions(extra.isEmpty() ? new String[0] : extra.split("\\s+"));
        new Runner(new OptionsBuilder()
                        .parent(given)
                        .include(benchmarks.getName() + "\\.")
                        .shouldFailOnError(true)
                        .build())
                .run();
    }
}
