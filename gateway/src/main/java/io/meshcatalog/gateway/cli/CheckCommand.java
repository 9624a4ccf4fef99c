package io.meshcatalog.gateway.cli;

import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar gateway.jar check --descriptor <file> --catalog <gateway url>}: what a domain's CI runs before a
 * descriptor change ships. The descriptor is validated here first (every problem, by line), then sent to the catalog's
 * {@code descriptorCheck}, which compares it with what the catalog last harvested of the domain and says what
 * breaks downstream and whom to tell. Exit status: 0 when nothing breaks (or {@code --allow-breaking}), 1 when a
 * change breaks what reads the domain's products, 2 when the check could not be made (nor fully: a product the key may
 * not see was not compared).
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Checks a proposed domain descriptor against the catalog: what changes, what breaks downstream, whom "
                        + "to tell. Exit status 0: nothing breaks; 1: a change breaks something; 2: the check could not be made.")
public final class CheckCommand implements Callable<Integer> {

    /** A change breaks what reads the domain's products. */
    static final int BREAKING = 1;
    /** The check could not be made: a bad descriptor, an unreachable catalog, a refused request. */
    static final int FAILED = 2;

    private static final String QUERY = "/cli/descriptor-check.graphql";

    @Option(
            names = "--descriptor",
            required = true,
            paramLabel = "<file>",
            description = "The proposed descriptor of the domain (meshcatalog/v1 YAML).")
    Path descriptor;

    @Option(
            names = "--catalog",
            required = true,
            paramLabel = "<url>",
            description = "The gateway, such as http://localhost:8080 (its /graphql is asked).")
    String catalog;

    @Option(
            names = "--key",
            paramLabel = "<api key>",
            defaultValue = "${env:MESHCATALOG_API_KEY}",
            description =
                    "The API key to ask with; default: the MESHCATALOG_API_KEY environment variable (a CI secret), "
                            + "none asks anonymously and sees only public products.")
    @Nullable
    String key;

    @Option(
            names = "--depth",
            paramLabel = "<hops>",
            description = "How far downstream to look; default: the catalog's.")
    @Nullable
    Integer depth;

    @Option(
            names = "--format",
            paramLabel = "<format>",
            defaultValue = "text",
            description = "text, markdown (for a pull or merge request comment) or json.")
    String format;

    @Option(
            names = "--allow-breaking",
            description = "Report breaking changes but exit 0: a change announced and agreed.")
    boolean allowBreaking;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "60",
            description = "How long to wait for the catalog's answer.")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    /** Runs the command on {@code args} (those after {@code check}); the exit status. */
    public static int run(String... args) {
        // a failure of the tool itself is not a breaking change: exit 2, never 1
        return ToolCommandLine.execute(
                new CommandLine(new CheckCommand()).setCaseInsensitiveEnumValuesAllowed(true),
                FAILED,
                "the check could not be made",
                args);
    }

    /** Whether {@code args} ask for this command. */
    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("check");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds < 1) {
            err.println("--timeout must be 1 second or more, not " + timeoutSeconds);
            return FAILED;
        }
        CheckReport.Format as;
        try {
            as = CheckReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("--format must be text, markdown or json, not '" + format + "'");
            return FAILED;
        }
        String text;
        try {
            text = Files.readString(descriptor, StandardCharsets.UTF_8);
            new DescriptorLoader().load(descriptor.toString(), text);
        } catch (NoSuchFileException e) {
            err.println("no descriptor at " + descriptor.toAbsolutePath());
            return FAILED;
        } catch (IOException e) {
            err.println("cannot read " + descriptor.toAbsolutePath() + ": " + e.getMessage());
            return FAILED;
        } catch (DescriptorException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        Map<String, Object> check;
        try {
            check = ask(text);
        } catch (CatalogClient.Failed e) {
            err.println(e.getMessage());
            return FAILED;
        }
        CheckReport report = new CheckReport(check);
        out.print(report.render(as, catalog));
        out.flush();
        if (report.productsNotCompared() > 0) {
            err.println("the check is incomplete: " + report.productsNotCompared()
                    + " product(s) of the domain could not be "
                    + "compared, because the key it ran with may not see them; run it with a key of the domain's team");
            return FAILED;
        }
        return report.breaking() && !allowBreaking ? BREAKING : 0;
    }

    private Map<String, Object> ask(String text) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        variables.put("descriptor", text);
        variables.put("depth", depth);
        return new CatalogClient(catalog, key, timeoutSeconds)
                .ask(query(), "DescriptorCheck", variables, "descriptorCheck", "the check");
    }

    private static String query() {
        try (InputStream in = CheckCommand.class.getResourceAsStream(QUERY)) {
            if (in == null) {
                throw new IllegalStateException(QUERY + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
