package org.timbrelab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The PyTorch reference ({@code ../shared/reference/vaegan_reference.py}, outside this repository) run as a separate
 * process beside a {@code bench} topic, so a speed figure is a ratio measured in one sitting. Nothing of the reference
 * is copied here: {@code bench train} runs its own {@code train} command, {@code bench convert} imports its
 * {@code build()} and times E + G. Needs a python3 that imports torch (Debian {@code python3-torch}).
 *
 * @param python the interpreter that imports torch
 * @param script the reference script
 */
record ReferenceScript(Path python, Path script) {

    static final Path DEFAULT_SCRIPT = Path.of("../shared/reference/vaegan_reference.py");

    /**
     * The reference at {@code script} with the first python3 that imports torch ({@code /usr/bin/python3} first: a
     * pyenv shim often lacks Debian's torch), or null with the reason passed to {@code whyNot}.
     */
    static ReferenceScript find(Path script, Consumer<String> whyNot) {
        if (!Files.isRegularFile(script)) {
            whyNot.accept("no reference script at " + script.toAbsolutePath().normalize() + " (--reference FILE)");
            return null;
        }
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return new ReferenceScript(Path.of(candidate), script);
            } catch (IOException e) {
                // not installed: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        whyNot.accept("no python3 with torch (apt-get install -y python3-torch python3-numpy python3-scipy)");
        return null;
    }

    /** Runs the interpreter with {@code args}; every output line goes to {@code line}; fails on a non-zero exit. */
    void run(List<String> args, Consumer<String> line) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python.toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> tail = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s; (s = r.readLine()) != null; ) {
                line.accept(s);
                tail.add(s);
                if (tail.size() > 5) tail.remove(0);
            }
        }
        if (p.waitFor() != 0) throw new IOException("the reference failed (exit " + p.exitValue() + "): " + String.join(" | ", tail));
    }

    /**
     * Starts the interpreter with {@code args} as a server that prints {@code ready} once set up, then answers each
     * {@code go} line with one timed pass as {@code ms <milliseconds>}, so its passes can alternate with the engine's
     * in one sitting; any other line ends it.
     */
    Session open(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python.toString());
        cmd.addAll(args);
        Session s = new Session(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        s.await("ready");
        return s;
    }

    /** A running reference server ({@link #open}). */
    static final class Session implements AutoCloseable {
        private final Process process;
        private final BufferedReader in;
        private final Writer out;

        private Session(Process process) {
            this.process = process;
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** One timed pass of the reference, in ms. */
        double once() throws IOException {
            out.write("go\n");
            out.flush();
            String line = await("ms ");
            return Double.parseDouble(line.substring(3).trim());
        }

        /** Reads lines until one starts with {@code prefix}; fails naming the last lines if the process ends first. */
        private String await(String prefix) throws IOException {
            List<String> tail = new ArrayList<>();
            for (String s; (s = in.readLine()) != null; ) {
                if (s.startsWith(prefix)) return s;
                tail.add(s);
                if (tail.size() > 5) tail.remove(0);
            }
            throw new IOException("the reference ended before '" + prefix.trim() + "': " + String.join(" | ", tail));
        }

        @Override public void close() throws IOException {
            try {
                out.write("stop\n");
                out.close();
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
