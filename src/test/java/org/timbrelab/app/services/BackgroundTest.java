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
}
