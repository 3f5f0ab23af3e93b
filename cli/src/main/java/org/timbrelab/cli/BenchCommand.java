package org.timbrelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench TOPIC}: speed measurements on a warm JVM, one topic per subcommand.
 * Add a topic by writing a subcommand (see {@link Bench}) and listing it here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures speed (median ms, x realtime) on a warm JVM. Run nothing else meanwhile.",
        subcommands = {
                BenchDspCommand.class,
                BenchConvertCommand.class,
                BenchTrainCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every topic shares: {@code @Mixin BenchCommand.Options options;}. */
    public static final class Options {
        @Option(names = "--warmup", defaultValue = "3", paramLabel = "N", description = "untimed runs per case (default: ${DEFAULT-VALUE})")
        public int warmup;

        @Option(names = "--repeats", defaultValue = "7", paramLabel = "N", description = "timed runs per case (default: ${DEFAULT-VALUE})")
        public int repeats;

        public Bench newBench() { return new Bench(System.out, warmup, repeats); }
    }
}
