package io.tickwatch.cli;

import io.tickwatch.config.InvalidSettings;
import io.tickwatch.config.Settings;
import io.tickwatch.config.SettingsLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Turns arguments, environment and config file into {@link Settings}, or prints help, the version or a
 * clear error, or runs a one-shot subcommand ({@code copy}). Returns an exit code instead of exiting, so it
 * is testable.
 */
public final class CommandLineParser {

    /** Usage errors exit with 2, like most command-line tools. */
    public static final int USAGE_ERROR = 2;

    private final Map<String, String> environment;
    private final Path home;
    private final PrintWriter out;
    private final PrintWriter err;

    public CommandLineParser(Map<String, String> environment, Path home, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    /** The outcome: settings to run with, or an exit code when there is nothing to run. */
    public record Outcome(Optional<Settings> settings, int exitCode) {
    }

    private int runSubcommand(CommandLine.ParseResult sub) {
        CommandLine command = sub.commandSpec().commandLine();
        command.setOut(out);
        command.setErr(err);
        if (command.isUsageHelpRequested()) {
            command.usage(out);
            out.flush();
            return 0;
        }
        if (command.isVersionHelpRequested()) {
            command.printVersionHelp(out);
            out.flush();
            return 0;
        }
        try {
            Object result = command.<java.util.concurrent.Callable<?>>getCommand().call();
            return result instanceof Integer code ? code : 0;
        } catch (Exception e) {
            err.println("tickwatch " + command.getCommandName() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    public Outcome parse(String... args) {
        CommandLineOptions options = new CommandLineOptions();
        CommandLine cl = new CommandLine(options);
        ((ConfigCommand) cl.getSubcommands().get("config").getCommand()).home = home;
        CaptureCommand capture = cl.getSubcommands().get("capture").getCommand();
        capture.environment = environment;
        capture.home = home;
        ReplayCommand replay = cl.getSubcommands().get("replay").getCommand();
        replay.environment = environment;
        replay.home = home;
        cl.setOut(out);
        cl.setErr(err);
        CommandLine.ParseResult parsed;
        try {
            parsed = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("tickwatch: " + e.getMessage());
            err.println("Try 'tickwatch --help'.");
            err.flush();
            return new Outcome(Optional.empty(), USAGE_ERROR);
        }
        if (parsed.hasSubcommand()) {
            // a one-shot command (copy): it runs to completion here and leaves nothing to start
            return new Outcome(Optional.empty(), runSubcommand(parsed.subcommand()));
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(out);
            out.flush();
            return new Outcome(Optional.empty(), 0);
        }
        if (cl.isVersionHelpRequested()) {
            cl.printVersionHelp(out);
            out.flush();
            return new Outcome(Optional.empty(), 0);
        }
        try {
            Settings settings = new SettingsLoader(environment, home)
                    .load(options.headless(), options.flags(), options.config());
            return new Outcome(Optional.of(settings), 0);
        } catch (InvalidSettings e) {
            err.println("tickwatch: " + e.getMessage());
            err.flush();
            return new Outcome(Optional.empty(), USAGE_ERROR);
        }
    }
}
