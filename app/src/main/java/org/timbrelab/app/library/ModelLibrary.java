package org.timbrelab.app.library;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.timbrelab.app.ui.Dialogs;
import org.timbrelab.app.ui.Session;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The model library window: list presets, show a training summary, load, rename, delete (with confirmation). */
public final class ModelLibrary {
    private final Stage stage = new Stage();
    private final ListView<PresetCatalog.Entry> list = new ListView<>();
    private final Label details = new Label("Select a preset.");
    private final Button load = new Button("Load"), rename = new Button("Rename…"), delete = new Button("Delete…");
    private final PresetCatalog catalog;
    private final Session session;

    public ModelLibrary(Window owner, Session session, PresetCatalog catalog) {
        this.session = session;
        this.catalog = catalog;
        stage.initOwner(owner);
        stage.setTitle("Model library");
        list.setId("presetList");
        load.setId("libraryLoad");
        details.setWrapText(true);
        details.setId("presetDetails");
        details.setMaxWidth(360);
        Label title = new Label("Presets");
        title.getStyleClass().add("section-title");
        load.setDefaultButton(true);
        load.setOnAction(e -> loadSelected());
        rename.setOnAction(e -> renameSelected());
        delete.setOnAction(e -> deleteSelected());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, sel) -> select(sel));
        list.setOnMouseClicked(e -> { if (e.getClickCount() == 2) loadSelected(); });
        select(null);
        VBox right = new VBox(10, details, new HBox(8, load, rename, delete),
                new Label("Built-in presets live in presets/; yours in " + session.paths().userPresets() + "."));
        right.setPadding(new Insets(8));
        right.setPrefWidth(380);
        BorderPane root = new BorderPane(list, title, right, null, null);
        root.setPadding(new Insets(8));
        stage.setScene(new Scene(root, 760, 420));
        var css = ModelLibrary.class.getResource("/org/timbrelab/app/ui/app.css");
        if (css != null) stage.getScene().getStylesheets().add(css.toExternalForm());
    }

    /** Opens the library for a session (the catalog reads summaries with {@code summaryReader}). */
    public static ModelLibrary show(Window owner, Session session, PresetCatalog catalog) {
        ModelLibrary lib = new ModelLibrary(owner, session, catalog);
        lib.stage.show();
        lib.refresh(null);
        return lib;
    }

    public void refresh(String select) {
        session.background().quiet("List presets", p -> catalog.list(), entries -> {
            list.getItems().setAll(entries);
            String current = session.modelPathProperty().get();
            entries.stream().filter(e -> Objects.equals(e.name(), select) || (select == null && e.dir().toString().equals(current)))
                    .findFirst().ifPresentOrElse(list.getSelectionModel()::select, () -> {
                        if (!entries.isEmpty()) list.getSelectionModel().select(0);
                    });
            if (entries.isEmpty()) details.setText("No presets yet. Train one with Model ▸ Train a new model.");
        });
    }

    private void select(PresetCatalog.Entry e) {
        load.setDisable(e == null);
        rename.setDisable(e == null || e.builtIn());
        delete.setDisable(e == null || e.builtIn());
        if (e == null) return;
        details.setText(e.name() + " — reading…");
        session.background().quiet("Read preset " + e.name(), p -> catalog.summary(e), lines -> {
            if (e.equals(list.getSelectionModel().getSelectedItem()))
                details.setText(e.name() + (e.builtIn() ? " (built-in)" : " (yours)") + "\n" + e.dir() + "\n\n" + String.join("\n", lines));
        });
    }

    private void loadSelected() {
        PresetCatalog.Entry e = list.getSelectionModel().getSelectedItem();
        if (e != null) session.loadPreset(e.dir(), () -> session.background().status("Loaded preset " + e.name()));
    }

    private void renameSelected() {
        PresetCatalog.Entry e = list.getSelectionModel().getSelectedItem();
        if (e == null) return;
        TextInputDialog d = new TextInputDialog(e.name());
        d.initOwner(stage);
        d.setTitle("Rename preset");
        d.setHeaderText("New name for \"" + e.name() + "\"");
        d.showAndWait().filter(n -> !n.isBlank() && !n.equals(e.name())).ifPresent(n ->
                session.background().light("Rename preset", p -> catalog.rename(e, n.strip()), r -> refresh(r.name())));
    }

    private void deleteSelected() {
        PresetCatalog.Entry e = list.getSelectionModel().getSelectedItem();
        if (e == null) return;
        if (!Dialogs.confirm(stage, "Delete preset \"" + e.name() + "\"?", "This removes " + e.dir() + " and everything in it. It cannot be undone.")) return;
        if (e.dir().toString().equals(session.modelPathProperty().get())) session.modelProperty().set(null);
        session.background().light("Delete preset", p -> { catalog.delete(e); return e; }, r -> refresh(null));
    }

    public Stage stage() { return stage; }
    public ListView<PresetCatalog.Entry> list() { return list; }

}
