package org.timbrelab.app;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.timbrelab.app.training.DomainSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A newcomer's path walked in the real window, as launched (-Dtimbrelab.walk=true; {@code .ci/window-walk.sh}
 * runs it under the README's {@code mvn compile javafx:run}, i.e. JavaFX on the module path with the pom's
 * JVM options): open a sample from the menu → Convert ▸ all domains → drag the input through the latent
 * plane with the mouse → one interpolation step → Model ▸ Train a new model, every page of the wizard
 * (name, two folder domains, size and time, start) → the dashboard's first training step → Stop.
 *
 * <p>Every uncaught exception on any thread is recorded by a default handler installed before the
 * window opens; the process exits 0 only if there was none, no error dialog appeared, and every step
 * did what it should within its time limit. Progress goes to standard output as {@code WALK ...} lines.
 * Runs on its own thread and touches the UI only through {@link Platform#runLater}.
 */
final class Walk {
    private static final List<String> UNCAUGHT = new CopyOnWriteArrayList<>();
    private static final long T0 = System.nanoTime();
    /** With -Dtimbrelab.walk.hold=SECONDS the walk pauses at each view and prints "WALK view NAME" (for screenshots). */
    private static final double HOLD = Double.parseDouble(System.getProperty("timbrelab.walk.hold", "0"));

    private Walk() { }

    static boolean enabled() { return Boolean.getBoolean("timbrelab.walk"); }

    /** Records every uncaught exception (FX thread included) and prints it with its stack trace. */
    static void installHandler() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            UNCAUGHT.add("thread \"" + t.getName() + "\": " + e);
            System.out.println("WALK uncaught exception in thread \"" + t.getName() + "\": " + e);
            e.printStackTrace(System.out);
            System.out.flush();
        });
    }

    static void start(Stage stage, TimbreLabApp.Window w, Path samples) {
        Thread t = new Thread(() -> {
            int code;
            try {
                run(stage, w, samples);
                code = UNCAUGHT.isEmpty() ? 0 : 1;
            } catch (Throwable e) {
                System.out.println("WALK step failed: " + e);
                code = 1;
            }
            if (!UNCAUGHT.isEmpty()) System.out.println("WALK " + UNCAUGHT.size() + " uncaught exception(s), first in " + UNCAUGHT.get(0));
            System.out.println(code == 0 ? String.format("WALK passed in %.1f s", seconds()) : String.format("WALK FAILED after %.1f s", seconds()));
            System.out.flush();
            System.exit(code);
        }, "timbrelab-walk");
        t.setDaemon(true);
        t.start();
    }

    private static double seconds() { return (System.nanoTime() - T0) / 1e9; }

    private static void step(String what) { System.out.printf("WALK %6.1f s  %s%n", seconds(), what); }

    /** A view worth a screenshot: held for {@link #HOLD} seconds when screenshots are being taken. */
    private static void view(String name) throws InterruptedException {
        if (HOLD <= 0) return;
        Thread.sleep(800); // let it paint
        System.out.println("WALK view " + name);
        System.out.flush();
        Thread.sleep((long) (HOLD * 1000));
    }

    private static void run(Stage stage, TimbreLabApp.Window w, Path samplesDir) throws Exception {
        var s = w.session();
        var c = w.controller();
        waitFor("the start-up sample and preset", 180, () -> s.getInput() != null && s.getModel() != null && !s.background().busyProperty().get());
        step("window up with " + s.getInput().name() + " and preset " + s.getModel().name());

        // 1. open a sample through File ▸ Open sample (a low voice: the register shift matters for it)
        String[] chosen = new String[1];
        fx(() -> {
            Menu samples = (Menu) menu(stage, "File").getItems().stream().filter(i -> i.getText().contains("sample")).findFirst().orElseThrow();
            MenuItem item = samples.getItems().stream().filter(i -> i.getText().contains("male-flite-rms")).findFirst()
                    .orElse(samples.getItems().stream().filter(i -> !i.getText().equals(s.getInput().name())).findFirst().orElseThrow());
            chosen[0] = item.getText();
        });
        act(() -> ((Menu) menu(stage, "File").getItems().stream().filter(i -> i.getText().contains("sample")).findFirst().orElseThrow())
                .getItems().stream().filter(i -> i.getText().equals(chosen[0])).findFirst().orElseThrow().fire());
        waitFor("the sample " + chosen[0] + " to open", 60, () -> s.getInput() != null && s.getInput().name().equals(chosen[0]));
        step("opened sample " + chosen[0]);

        // 2. Convert ▸ all domains
        act(() -> ((Button) stage.getScene().lookup("#convertButton")).fire());
        waitFor("every output row to convert", 240, () -> c.outputs().rows().stream().allMatch(r -> r.output() != null)
                && s.inputLatentProperty().get() != null && !s.background().busyProperty().get());
        step("converted into " + String.join(", ", c.outputs().rows().stream()
                .map(r -> r.domain().name() + " (" + r.output().appliedOctaves() + " oct)").toList()));
        view("main");

        // 3. drag the input through the latent plane with the real mouse
        fx(() -> c.sideTabs().getSelectionModel().select(0));
        Thread.sleep(500);
        int decodedBefore = get(() -> c.latent().decodedProperty().get());
        Point2D[] from = new Point2D[1];
        fx(() -> {
            var scatter = c.latent().scatter();
            var p = scatter.getInputPosition();
            Point2D local = scatter.toScreen(p.getX(), p.getY());
            from[0] = scatter.localToScreen(local);
            Robot r = new Robot();
            r.mouseMove(from[0]);
            r.mousePress(MouseButton.PRIMARY);
        });
        for (int i = 1; i <= 6; i++) {
            int k = i;
            Thread.sleep(60);
            fx(() -> new Robot().mouseMove(from[0].add(10 * k, -6 * k)));
        }
        Thread.sleep(60);
        fx(() -> new Robot().mouseRelease(MouseButton.PRIMARY));
        waitFor("the dragged latent to decode", 120, () -> c.latent().decodedProperty().get() > decodedBefore && !s.background().busyProperty().get());
        step("dragged the input in the latent plane; decoded " + (get(() -> c.latent().decodedProperty().get()) - decodedBefore) + "×");
        view("latent");

        // 4. one interpolation step
        fx(() -> c.sideTabs().getSelectionModel().select(1));
        int interpBefore = get(() -> c.interpolation().decodedProperty().get());
        act(() -> c.interpolation().slider().setValue(0.3));
        waitFor("the interpolation at t = 0.3 to decode", 120, () -> c.interpolation().decodedProperty().get() > interpBefore && !s.background().busyProperty().get());
        step("interpolated at t = 0.3");
        view("interpolation");

        // 5. Model ▸ Train a new model…: every page of the wizard
        act(() -> menu(stage, "Model").getItems().stream().filter(i -> i.getText().contains("Train")).findFirst().orElseThrow().fire());
        waitFor("the wizard's first page", 30, () -> "1 · Name".equals(header(stage)));
        view("wizard-1-name");
        String name = "walk-" + System.currentTimeMillis() / 1000;
        fx(() -> ((TextField) dialogLookup(stage, "#wizardName")).setText(name));
        next(stage, "Next", "2 · Domains");
        step("wizard page 1 (name " + name + ") → page 2");
        view("wizard"); // the domains page: docs/screenshots/wizard.png, the one the README shows
        // two folder domains from the bundled clips: no rendering, so the run starts within seconds
        Path voice = samplesDir, other = samplesDir.resolve("converted");
        if (!Files.isDirectory(other)) other = samplesDir;
        Path[] dirs = {voice, other};
        fx(() -> {
            for (int i = 0; i < 2; i++) {
                Parent row = (Parent) dialogLookup(stage, "#domain-" + i);
                @SuppressWarnings("unchecked") ChoiceBox<DomainSpec.Kind> kind = (ChoiceBox<DomainSpec.Kind>) row.lookup("#domainKind");
                kind.setValue(DomainSpec.Kind.FOLDER);
                ((TextField) row.lookup("#domainFolder")).setText(dirs[i].toString());
            }
        });
        next(stage, "Next", "3 · Size and time");
        step("wizard page 2 (domains: folders " + voice + ", " + other + ") → page 3");
        view("wizard-3-size");
        fx(() -> {
            @SuppressWarnings("unchecked") Spinner<Integer> m = (Spinner<Integer>) dialogLookup(stage, "#wizardMinutes");
            m.getValueFactory().setValue(1);
        });
        next(stage, "Next", "4 · Start");
        step("wizard page 3 (1 minute) → page 4");
        view("wizard-4-start");
        act(() -> button(stage, "Finish").fire());
        waitFor("the training dashboard's first step", 180, () -> {
            Optional<Window> d = dashboard();
            if (d.isEmpty()) return false;
            String steps = ((Label) d.get().getScene().lookup("#dashboardSteps")).getText();
            String state = ((Label) d.get().getScene().lookup("#dashboardState")).getText();
            if (state.startsWith("failed") || state.startsWith("stopped")) throw new IllegalStateException("training " + state);
            return steps.startsWith("step ");
        });
        step("wizard finished; dashboard shows " + get(() -> ((Label) dashboard().orElseThrow().getScene().lookup("#dashboardSteps")).getText()));
        if (HOLD > 0) { // a running dashboard for the screenshot: curves and the first snapshots
            waitFor("40 training steps", 300, () -> stepOf(((Label) dashboard().orElseThrow().getScene().lookup("#dashboardSteps")).getText()) >= 40);
            Thread.sleep(2500); // the snapshot scan runs every 2 s
            view("dashboard");
        }
        act(() -> ((Button) dashboard().orElseThrow().getScene().lookup("#dashboardStop")).fire());
        waitFor("the run to stop", 120, () -> {
            String state = ((Label) dashboard().orElseThrow().getScene().lookup("#dashboardState")).getText();
            if (state.startsWith("failed") || state.startsWith("stopped: ")) throw new IllegalStateException("training " + state);
            return state.startsWith("stopped after") || state.startsWith("finished");
        });
        step("Stop pressed; dashboard says: " + get(() -> ((Label) dashboard().orElseThrow().getScene().lookup("#dashboardState")).getText()));
        fx(() -> ((Stage) dashboard().orElseThrow()).close());
        Thread.sleep(500);
        fx(Walk::failOnErrorDialog);
    }

    /** The step number in the dashboard's "step 1,234 / 5,000". */
    private static long stepOf(String text) {
        var m = java.util.regex.Pattern.compile("step ([\\d,]+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    /** Presses a wizard button and waits for the page with this header. */
    private static void next(Stage owner, String button, String header) throws Exception {
        act(() -> button(owner, button).fire());
        waitFor("the wizard's page \"" + header + "\" after " + button, 20, () -> header.equals(header(owner)));
    }

    private static Menu menu(Stage stage, String text) {
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        return bar.getMenus().stream().filter(m -> m.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
    }

    /** The open dialog's pane (not the main window's), if any. */
    private static Optional<DialogPane> dialog(Stage owner) {
        for (Window x : Window.getWindows())
            if (x != owner && x.isShowing() && x.getScene() != null && x.getScene().getRoot().lookup(".dialog-pane") instanceof DialogPane p)
                return Optional.of(p);
        return Optional.empty();
    }

    private static String header(Stage owner) { return dialog(owner).map(DialogPane::getHeaderText).orElse(null); }

    private static Node dialogLookup(Stage owner, String selector) {
        Node n = dialog(owner).orElseThrow(() -> new IllegalStateException("no dialog open")).getScene().getRoot().lookup(selector);
        if (n == null) throw new IllegalStateException("no " + selector + " in the open dialog");
        return n;
    }

    private static Button button(Stage owner, String text) {
        DialogPane p = dialog(owner).orElseThrow(() -> new IllegalStateException("no dialog open"));
        return p.lookupAll(".button").stream().filter(b -> b instanceof Button bt && bt.getText().strip().equals(text)).map(Button.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("no button \"" + text + "\" in the dialog; it has "
                        + p.lookupAll(".button").stream().filter(b -> b instanceof Button).map(b -> "\"" + ((Button) b).getText() + "\"").toList()));
    }

    private static Optional<Window> dashboard() {
        return Window.getWindows().stream().filter(x -> x instanceof Stage st && st.isShowing() && st.getTitle() != null
                && st.getTitle().startsWith("Training — ")).findFirst();
    }

    /** An error dialog (the app's readable failure report) fails the walk with its text. */
    private static void failOnErrorDialog() {
        for (Window x : Window.getWindows()) {
            if (!x.isShowing() || x.getScene() == null) continue;
            if (x.getScene().getRoot().lookup("#errorBody") instanceof Labeled body) {
                String head = x.getScene().getRoot().lookup(".dialog-pane") instanceof DialogPane p ? p.getHeaderText() : "";
                throw new IllegalStateException("error dialog: " + head + ": " + body.getText());
            }
        }
    }

    private static <T> T get(Supplier<T> s) throws Exception {
        Object[] out = new Object[1];
        fx(() -> out[0] = s.get());
        @SuppressWarnings("unchecked") T t = (T) out[0];
        return t;
    }

    /**
     * A user's action: runs on the FX thread like an event handler, so whatever it throws is uncaught
     * there (and recorded by the handler) exactly as it would be after a real click.
     */
    private static void act(Runnable r) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        Platform.runLater(() -> { try { r.run(); } finally { latch.countDown(); } });
        if (!latch.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the FX thread did not answer within 60 s");
    }

    private static void fx(Runnable r) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        Throwable[] err = new Throwable[1];
        Platform.runLater(() -> {
            try { r.run(); } catch (Throwable e) { err[0] = e; } finally { latch.countDown(); }
        });
        if (!latch.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the FX thread did not answer within 60 s");
        if (err[0] instanceof Exception e) throw e;
        if (err[0] instanceof Error e) throw e;
    }

    private interface Check { boolean ok() throws Exception; }

    /** Polls {@code cond} on the FX thread; fails on an uncaught exception, an error dialog, or the time limit. */
    private static void waitFor(String what, double seconds, Check cond) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            fx(() -> {
                failOnErrorDialog();
                try { ok[0] = cond.ok(); } catch (RuntimeException e) { throw e; } catch (Exception e) { throw new IllegalStateException(e); }
            });
            if (!UNCAUGHT.isEmpty()) throw new IllegalStateException("uncaught exception while waiting for " + what + ": " + UNCAUGHT.get(0));
            if (ok[0]) return;
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out after " + seconds + " s waiting for " + what);
    }
}
