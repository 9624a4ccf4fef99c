package io.meshcatalog.gateway.cli;

import picocli.CommandLine;

/**
 * How the gateway jar's tools run a picocli command: a failure of the tool itself, or arguments it cannot read, exit
 * with the tool's own failure status (never a status that means something about what was checked), the first saying
 * what could not be done, the second naming the bad argument above the usage.
 */
final class ToolCommandLine {

    private ToolCommandLine() {}

    /**
     * Runs {@code command} on {@code args}; the exit status.
     *
     * @param failed the status of a tool that could not do its work
     * @param failedTo how a failure starts, e.g. "the check could not be made"
     */
    static int execute(CommandLine command, int failed, String failedTo, String... args) {
        command.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println(failedTo + ": " + failure);
            return failed;
        });
        command.setParameterExceptionHandler((problem, arguments) -> {
            problem.getCommandLine().getErr().println(problem.getMessage());
            problem.getCommandLine().usage(problem.getCommandLine().getErr());
            return failed;
        });
        return command.execute(args);
    }
}
