package org.timbrelab.app.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.timbrelab.app.model.ConvertedOutput;
import org.timbrelab.app.model.DomainInfo;
import org.timbrelab.app.model.Latent;
import org.timbrelab.app.model.Notes;
import org.timbrelab.app.model.Register;
import org.timbrelab.app.model.TimbreModel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs list: one {@link OutputRow} per domain of the loaded preset. Convert runs on the
 * heavy worker with progress; results are cached per (domain, register) until the input or the
 * preset changes, so changing one row's register re-converts only that row.
 */
public final class OutputsPanel extends VBox {
    private final Label header = new Label("Outputs");
    private final VBox rows = new VBox(6);
    private final Label placeholder = new Label();
    private final Map<String, OutputRow> rowByDomain = new LinkedHashMap<>();
    private final Map<String, ConvertedOutput> cache = new HashMap<>();
    private final ReadOnlyIntegerWrapper conversions = new ReadOnlyIntegerWrapper(this, "conversions");
    private Session session;
    private Task<?> running;
    private OutputRow lastPlayed;

    public OutputsPanel() {
        setSpacing(4);
        setPadding(new Insets(6));
        header.getStyleClass().add("section-title");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(header, placeholder, scroll);
    }

    public void bind(Session s) {
        this.session = s;
        s.modelProperty().addListener((o, a, m) -> rebuild(m));
        s.inputProperty().addListener((o, a, b) -> invalidate());
        rebuild(s.getModel());
    }

    private void rebuild(TimbreModel m) {
        cancelRunning();
        cache.clear();
        rows.getChildren().clear();
        rowByDomain.clear();
        if (m == null) {
            header.setText("Outputs");
            placeholder.setText("No preset loaded. Converting needs a trained preset: open Model ▸ Model library, "
                    + "or train one with Model ▸ Train a new model. Opening, viewing and playing audio work without one.");
            placeholder.setVisible(true);
            placeholder.setManaged(true);
            return;
        }
        header.setText("Outputs — preset " + m.name() + " (" + m.domains().size() + " domains)");
        placeholder.setVisible(false);
        placeholder.setManaged(false);
        for (DomainInfo d : m.domains()) {
            OutputRow row = new OutputRow(d);
            row.play.setOnAction(e -> { lastPlayed = row; session.player().play(row.output().audio(), row.view()); });
            row.export.setOnAction(e -> exportOne(row));
            // a new register or pitch choice shows its cached output, or converts this row alone
            javafx.beans.value.ChangeListener<Object> choice = (o, a, b) -> {
                row.setOutput(cache.get(key(row)));
                if (row.output() == null && session.getInput() != null && anyConverted()) convert(List.of(row));
            };
            row.registerBox().valueProperty().addListener(choice);
            row.notesBox().valueProperty().addListener(choice);
            rowByDomain.put(d.name(), row);
            rows.getChildren().add(row);
        }
    }

    private boolean anyConverted() { return !cache.isEmpty(); }

    private void invalidate() {
        cancelRunning();
        cache.clear();
        rowByDomain.values().forEach(r -> r.setOutput(null));
    }

    private void cancelRunning() {
        if (running != null) running.cancel();
        running = null;
    }

    private static String key(String domain, Register r, Notes n) { return domain + "|" + r + "|" + n; }

    private static String key(OutputRow row) { return key(row.domain().name(), row.registerBox().getValue(), row.notesBox().getValue()); }

    /** Converts the input into every domain (cached ones are reused). */
    public void convertAll() {
        if (session.getModel() == null) {
            session.background().status("Load a preset first (Model ▸ Model library).");
            return;
        }
        if (session.getInput() == null) {
            session.background().status("Open, record or pick a sample first.");
            return;
        }
        convert(new ArrayList<>(rowByDomain.values()));
    }

    private void convert(List<OutputRow> targets) {
        TimbreModel model = session.getModel();
        Session.Input input = session.getInput();
        List<OutputRow> todo = new ArrayList<>();
        for (OutputRow r : targets) {
            ConvertedOutput c = cache.get(key(r));
            if (c != null) r.setOutput(c); else todo.add(r);
        }
        boolean needLatent = session.inputLatentProperty().get() == null;
        if (todo.isEmpty() && !needLatent) { session.background().status("Outputs are up to date (cached)."); return; }
        List<String> domains = todo.stream().map(r -> r.domain().name()).toList();
        List<Register> registers = todo.stream().map(r -> r.registerBox().getValue()).toList();
        List<Notes> notes = todo.stream().map(r -> r.notesBox().getValue()).toList();
        cancelRunning();
        running = session.background().heavy("Convert " + input.name(), p -> {
            List<ConvertedOutput> done = new ArrayList<>();
            int steps = domains.size() + (needLatent ? 1 : 0);
            for (int i = 0; i < domains.size(); i++) {
                if (p.isCancelled()) break;
                p.update(i / (double) steps, "Converting into " + domains.get(i) + " (" + (i + 1) + "/" + domains.size() + ")…");
                ConvertedOutput out = model.convert(input.clip(), domains.get(i), registers.get(i), notes.get(i));
                String key = key(domains.get(i), registers.get(i), notes.get(i));
                done.add(out);
                // publish each row as it finishes, so the first output shows before the last is done
                Platform.runLater(() -> publish(model, input, key, out));
            }
            Latent latent = needLatent ? model.encode(input.clip(), input.name()) : null;
            p.update(1, "Converted into " + domains.size() + " domains");
            return latent;
        }, latent -> {
            if (latent != null && session.getModel() == model && session.getInput() == input) session.inputLatentProperty().set(latent);
        });
    }

    private void publish(TimbreModel model, Session.Input input, String key, ConvertedOutput out) {
        if (session.getModel() != model || session.getInput() != input) return; // stale result
        cache.put(key, out);
        OutputRow row = rowByDomain.get(out.domain());
        if (row != null && key(row).equals(key)) row.setOutput(out);
        conversions.set(conversions.get() + 1);
    }

    private void exportOne(OutputRow row) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + row.domain().name());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV audio", "*.wav"));
        fc.setInitialFileName(baseName() + "_" + row.domain().name() + ".wav");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f == null) return;
        var clip = row.output().audio();
        session.background().light("Export " + f.getName(), p -> { session.audio().saveWav(f.toPath(), clip); return f; },
                done -> session.background().status("Saved " + done));
    }

    /** Writes every converted output into {@code dir} as NAME_DOMAIN.wav. */
    public void exportAll(Path dir) {
        List<OutputRow> ready = rowByDomain.values().stream().filter(r -> r.output() != null).toList();
        if (ready.isEmpty()) { session.background().status("Nothing to export yet: convert first."); return; }
        String base = baseName();
        session.background().light("Export outputs", p -> {
            for (OutputRow r : ready) session.audio().saveWav(dir.resolve(base + "_" + r.domain().name() + ".wav"), r.output().audio());
            return ready.size();
        }, n -> session.background().status("Saved " + n + " WAV files to " + dir));
    }

    public boolean hasOutputs() { return rowByDomain.values().stream().anyMatch(r -> r.output() != null); }

    private String baseName() {
        String n = session.getInput() == null ? "output" : session.getInput().name();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The output A/B compares against: the last one played, else the first converted; null if none. */
    public OutputRow abTarget() {
        if (lastPlayed != null && lastPlayed.output() != null && rowByDomain.containsValue(lastPlayed)) return lastPlayed;
        return rowByDomain.values().stream().filter(r -> r.output() != null).findFirst().orElse(null);
    }

    public List<OutputRow> rows() { return List.copyOf(rowByDomain.values()); }

    /** The pitch choice a domain converts with (its row's); the preset's own for a domain without a row. */
    public Notes notesOf(String domain) { return choiceOf(domain, OutputRow::notesBox, Notes.PRESET); }

    /** The register a domain converts at (its row's choice); Auto for a domain without a row. */
    public Register registerOf(String domain) { return choiceOf(domain, OutputRow::registerBox, Register.AUTO); }

    private <T> T choiceOf(String domain, java.util.function.Function<OutputRow, javafx.scene.control.ComboBox<T>> box, T fallback) {
        OutputRow r = rowByDomain.get(domain);
        return r == null || box.apply(r).getValue() == null ? fallback : box.apply(r).getValue();
    }
    public ReadOnlyIntegerProperty conversionsProperty() { return conversions.getReadOnlyProperty(); }
}
