package org.timbrelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Root of the headless command line. Each capability is a subcommand class in this package;
 * register new ones in {@code subcommands} below.
 */
@Command(name = "timbre-lab", mixinStandardHelpOptions = true, version = "Timbre Lab 0.1.0",
        description = "Neural timbre transfer workbench (headless commands). Run without a command to open the window.",
        subcommands = {
                CommandLine.HelpCommand.class,
                TransformCommand.class,
                BenchCommand.class,
                TrainCommand.class,
                SampleCommand.class,
                ReconstructCommand.class,
                LabInterpolateCommand.class,
                GanCompareCommand.class,
                LatentMapCommand.class,
                SpectrogramCommand.class,
                PitchCommand.class,
                DatasetInfoCommand.class,
                TrainClassifierCommand.class,
                ConvertCommand.class,
                InterpolateCommand.class,
                RenderDatasetCommand.class,
                SpeechDatasetCommand.class,
                ExportExamplesCommand.class,
                EvalCommand.class,
                ToneProfileCommand.class,
        })
public final class TimbreLabCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the CLI and returns the exit code (does not call System.exit). */
    public static int execute(String... args) {
        Runtime.setOffline();
        CommandLine cl = new CommandLine(new TimbreLabCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // A user sees a clear message, not a stack trace; --verbose style details go to the log.
            for (Throwable t = ex; t != null; t = t.getCause()) if (t instanceof OutOfMemoryError oom) throw oom;
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message(ex)));
            org.slf4j.LoggerFactory.getLogger(TimbreLabCli.class).debug("command failed", ex);
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the big arrays are unreachable once the command has unwound: there is room for a message
            System.err.println("error: ran out of memory (" + e.getMessage() + "); the input is too large for the memory Java may use here ("
                    + java.lang.Runtime.getRuntime().maxMemory() / 1_000_000 + " MB): split it into shorter parts, or give Java more memory, e.g. java -Xmx4g -jar …");
            return 1;
        }
    }

    /** The exception's own message; for one without (a bug), its kind, so the user has something to report. */
    static String message(Throwable ex) {
        String m = ex.getMessage();
        if (m != null && !m.isBlank()) return m;
        return ex.getClass().getSimpleName() + " (an internal error; please report it with the command you ran)";
    }

    /** Process-wide settings applied before any engine code runs. */
    public static final class Runtime {
        private Runtime() { }

        /** DJL must never reach the network: the native library comes from the Maven jar. */
        public static void setOffline() {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
