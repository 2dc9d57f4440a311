package io.tickwatch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line in a real {@code /bin/sh} with one program replaced by a stub that reports its arguments. */
public final class ShellCommand {

    private ShellCommand() {
    }

    /** The arguments {@code program} receives when {@code sh -c command} runs (the program itself never runs). */
    public static List<String> argumentsOf(String program, String command) throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("sh", "-c", program + "() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n"
                + command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sh.getInputStream().transferTo(out);
        if (!sh.waitFor(30, TimeUnit.SECONDS)) {
            sh.destroyForcibly();
            throw new IllegalStateException("sh did not finish");
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        if (sh.exitValue() != 0) {
            throw new IllegalStateException("sh exited with " + sh.exitValue() + ": " + printed);
        }
        List<String> args = new ArrayList<>(List.of(printed.split("\0", -1)));
        args.remove(args.size() - 1); // what follows the last NUL
        return args;
    }

    /** The value after {@code option} in a list of arguments. */
    public static String after(List<String> args, String option) {
        int i = args.indexOf(option);
        if (i < 0 || i + 1 >= args.size()) {
            throw new IllegalArgumentException(option + " not in " + args);
        }
        return args.get(i + 1);
    }
}
