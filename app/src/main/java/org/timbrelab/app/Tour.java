package org.timbrelab.app;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.timbrelab.app.library.PresetCatalog;
import org.timbrelab.app.services.FxWatchdog;
import org.timbrelab.app.training.DomainSpec;
import org.timbrelab.app.training.TrainingDashboard;
import org.timbrelab.app.training.TrainingPlan;
import org.timbrelab.app.training.TrainingWizard;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A scripted walk through the real window for screenshots and timing (-Dtimbrelab.tour=true):
 * convert the start-up sample, show the latent plane, the wizard, and a short real training run
 * in the dashboard. It prints "TOUR <name>" when a view is ready for `import -window root`, and
 * the FX watchdog's worst frame gap while converting. Runs on its own thread; touches the UI only
 * through Platform.runLater.
 */
final class Tour {
    private Tour() { }

    static void start(Stage stage, TimbreLabApp.Window w, PresetCatalog catalog, double holdSeconds) {
        Thread t = new Thread(() -> {
            try { run(stage, w, holdSeconds); } catch (Exception e) { System.out.println("TOUR failed: " + e); }
        }, "timbrelab-tour");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Stage stage, TimbreLabApp.Window w, double hold) throws Exception {
        var s = w.session();
        var c = w.controller();
        waitFor(120, () -> s.getInput() != null && s.getModel() != null);
        FxWatchdog idle = new FxWatchdog(100);
        fx(idle::start);
        Thread.sleep(8000);
        fx(idle::stop);
        System.out.println("TOUR idle baseline (8 s, same machine load): " + idle.summary() + ", load average " + loadAverage());
        FxWatchdog dog = new FxWatchdog(100);
        fx(dog::start);
        fx(c.outputs()::convertAll);
        waitFor(300, () -> c.outputs().rows().stream().allMatch(r -> r.output() != null) && !s.background().busyProperty().get());
        fx(dog::stop);
        System.out.println("TOUR converting: " + dog.summary() + ", load average " + loadAverage());
        System.out.println("TOUR main");
        Thread.sleep((long) (hold * 1000));

        fx(() -> c.sideTabs().getSelectionModel().select(0));
        waitFor(60, () -> s.inputLatentProperty().get() != null);
        fx(() -> {
            var l = s.inputLatentProperty().get();
            c.latent().scatter().setInputPosition(new Point2D(l.planeX(), l.planeY()));
        });
        Thread.sleep(500);
        System.out.println("TOUR latent");
        Thread.sleep((long) (hold * 1000));

        fx(() -> c.sideTabs().getSelectionModel().select(1));
        fx(() -> c.interpolation().slider().setValue(0.35));
        Thread.sleep(4000);
        System.out.println("TOUR interpolation");
        Thread.sleep((long) (hold * 1000));

        TrainingWizard[] wiz = new TrainingWizard[1];
        fx(() -> {
            wiz[0] = new TrainingWizard(stage, Set.of(), List.of(DomainSpec.speech("voice", "flite"),
                    DomainSpec.soundfont("violin", "violin", 55, 88), DomainSpec.folder("mine", Path.of("/tmp/empty-folder"))));
            Platform.runLater(() -> wiz[0].showAndWait());
        });
        Thread.sleep(1500);
        fx(() -> wizardButton(stage, "Next"));
        Thread.sleep(800);
        System.out.println("TOUR wizard");
        Thread.sleep((long) (hold * 1000));
        // close the wizard by its Cancel button
        fx(() -> javafx.stage.Window.getWindows().stream().filter(x -> x != stage).toList()
                .forEach(x -> ((Stage) x).close()));

        String name = "tour-" + System.currentTimeMillis() / 1000;
        TrainingPlan plan = new TrainingPlan(name, List.of(DomainSpec.soundfont("violin", "violin", 55, 88),
                DomainSpec.soundfont("cello", "cello", 36, 69)), TrainingPlan.ModelSize.SMALL, 1);
        TrainingDashboard[] d = new TrainingDashboard[1];
        var job = Presets.jobFor(plan, s.paths());
        fx(() -> {
            d[0] = new TrainingDashboard(stage, name, job, s.background(), p -> { });
            d[0].start();
        });
        waitFor(600, () -> d[0].lastStepProperty().get() >= 15 || d[0].stoppedProperty().get() != null);
        System.out.println("TOUR dashboard");
        Thread.sleep((long) (hold * 1000));
        TrainingDashboard dash = d[0];
        job.control().cancel();
        waitFor(120, () -> dash.stoppedProperty().get() != null);
        fx(() -> dash.stage().close());
        simulatedRecording(w, 6);
        System.out.println("TOUR done");
    }

    /** Name field filled, then the wizard's button with this text pressed. */
    private static void wizardButton(Stage owner, String text) {
        for (javafx.stage.Window x : javafx.stage.Window.getWindows()) {
            if (x == owner || x.getScene() == null) continue;
            var name = x.getScene().getRoot().lookup("#wizardName");
            if (name instanceof javafx.scene.control.TextField tf && tf.getText().isEmpty()) tf.setText("my-violin");
            x.getScene().getRoot().lookupAll(".button").stream().filter(b -> b instanceof javafx.scene.control.Button bt && bt.getText().contains(text))
                    .findFirst().ifPresent(b -> ((javafx.scene.control.Button) b).fire());
        }
    }

    /**
     * FX frame time while "recording": no microphone here, so the start-up clip is fed to the same
     * live path (LiveAnalyser → per-frame drain → scrolling view) in 256-sample blocks at real-time pace.
     */
    private static void simulatedRecording(TimbreLabApp.Window w, double seconds) throws Exception {
        var s = w.session();
        float[] x = s.getInput().clip().samples();
        var a = new org.timbrelab.app.services.LiveAnalyser(s.audio().transform());
        FxWatchdog dog = new FxWatchdog(100);
        fx(() -> { w.controller().beginLiveInput(a); dog.start(); });
        int block = 256, rate = s.audio().config().sampleRate();
        long t0 = System.nanoTime();
        for (int i = 0, n = 0; (System.nanoTime() - t0) / 1e9 < seconds; i = (i + block) % Math.max(block, x.length - block), n++) {
            a.accept(java.util.Arrays.copyOfRange(x, i, i + block));
            long due = t0 + (long) ((n + 1) * block * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        fx(() -> { dog.stop(); w.controller().finishLiveInput(); });
        System.out.println("TOUR recording (simulated feed, " + seconds + " s): " + dog.summary() + ", load average " + loadAverage());
        Thread.sleep(1500);
    }

    private static String loadAverage() {
        try { return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]; }
        catch (Exception e) { return "?"; }
    }

    private static void fx(Runnable r) throws InterruptedException {
        var latch = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> { try { r.run(); } finally { latch.countDown(); } });
        latch.await();
    }

    private static void waitFor(double seconds, BooleanSupplier cond) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            fx(() -> ok[0] = cond.getAsBoolean());
            if (ok[0]) return;
            Thread.sleep(200);
        }
        throw new IllegalStateException("tour: timed out after " + seconds + " s");
    }
}
