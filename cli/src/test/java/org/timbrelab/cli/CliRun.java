package org.timbrelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** One in-process run of the command line with its exit status and what it printed. */
record CliRun(int exit, String out, String err) {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$/<>]+\\(.*\\)$");

    static synchronized CliRun of(String... args) {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = TimbreLabCli.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String all() { return out + err; }

    /** A Java stack trace or an uncaught-exception banner in what the user saw. */
    boolean showsStackTrace() {
        String s = all();
        return STACK_FRAME.matcher(s).find() || s.contains("Exception in thread") || s.contains("Caused by:");
    }
}
