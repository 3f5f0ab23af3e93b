package org.timbrelab.app.services;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.timbrelab.app.FxTestUtil;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class BackgroundTest {
    @Start void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
    }

    /** A replaced model is closed on the heavy worker, after the heavy work still using it, never on the FX thread. */
    @Test void releaseClosesOffTheFxThreadAfterQueuedHeavyWork() throws Exception {
        Background background = new Background();
        try {
            CountDownLatch busy = new CountDownLatch(1);
            FxTestUtil.onFx(() -> background.heavy("convert", p -> { busy.await(10, TimeUnit.SECONDS); return 1; }, r -> { }));
            AtomicReference<String> closedOn = new AtomicReference<>();
            FxTestUtil.onFx(() -> {
                background.release("model", () -> closedOn.set(Thread.currentThread().getName()));
                return null;
            });
            Thread.sleep(200);
            assertNull(closedOn.get(), "closed while a conversion was still running");
            busy.countDown();
            FxTestUtil.waitUntil(10, "the model closed", () -> closedOn.get() != null);
            assertTrue(closedOn.get().startsWith("timbrelab-work"), closedOn.get());
        } finally {
            background.shutdown();
        }
    }

    /** Housekeeping the user did not ask for leaves the status bar alone, unless it fails; asked-for work reports as before. */
    @Test void quietWorkSaysNothingUnlessItFails() throws Exception {
        Background background = new Background();
        background.setErrorSink(m -> { });
        try {
            FxTestUtil.onFx(() -> { background.status("Converted into violin"); return null; });
            CountDownLatch listed = new CountDownLatch(1);
            FxTestUtil.onFx(() -> background.quiet("List presets", p -> 3, n -> listed.countDown()));
            assertTrue(listed.await(10, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertEquals("Converted into violin", FxTestUtil.onFx(() -> background.statusProperty().get()));

            FxTestUtil.onFx(() -> background.quiet("Read snapshots", p -> { throw new java.io.IOException("disk gone"); }, r -> { }));
            FxTestUtil.waitUntil(10, "the failure shown", () -> FxTestUtil.onFx(() -> background.statusProperty().get()).contains("disk gone"));

            CountDownLatch opened = new CountDownLatch(1);
            FxTestUtil.onFx(() -> background.light("Open a.wav", p -> 1, r -> opened.countDown()));
            assertTrue(opened.await(10, TimeUnit.SECONDS));
            FxTestUtil.waitUntil(10, "asked-for work reports", () -> FxTestUtil.onFx(() -> background.statusProperty().get()).equals("Open a.wav: done"));
        } finally {
            background.shutdown();
        }
    }
}
