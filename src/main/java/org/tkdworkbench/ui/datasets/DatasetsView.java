package org.tkdworkbench.ui.datasets;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tkdworkbench.data.RegisteredDataset;

/**
 * The Datasets section: a side panel (the "Import dataset…" button, the registered datasets) beside
 * the clip browser. Selecting a registered dataset opens it in the browser.
 */
public final class DatasetsView {
  private final BorderPane root = new BorderPane();
  private final ListView<RegisteredDataset> list = new ListView<>();

  /**
   * @param browser the clip browser's node, shown beside the panel
   * @param onImport starts the wizard
   * @param onOpen opens a registered dataset
   */
  public DatasetsView(
      DatasetsViewModel vm, Node browser, Runnable onImport, Consumer<RegisteredDataset> onOpen) {
    root.setId("datasetsSection");
    Button importButton = new Button("Import dataset…");
    importButton.setId("importDataset");
    importButton.setMaxWidth(Double.MAX_VALUE);
    importButton.setOnAction(e -> onImport.run());

    Label heading = new Label("REGISTERED DATASETS");
    heading.getStyleClass().add("nav-heading");
    list.setId("registeredDatasets");
    list.setItems(vm.registered());
    list.setCellFactory(v -> new Cell());
    list.setPlaceholder(new Label(""));
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, entry) -> {
              if (vm.needsOpening(entry)) {
                vm.setOpen(entry.id());
                onOpen.accept(entry);
              }
            });
    // The open dataset is the selected one, also when the wizard or the app opened it.
    vm.openIdProperty().addListener((o, a, id) -> select(id));
    vm.registered().addListener((javafx.collections.ListChangeListener<RegisteredDataset>) c -> select(vm.openIdProperty().get()));
    VBox.setVgrow(list, Priority.ALWAYS);
    Label message = new Label();
    message.setId("registeredMessage");
    message.getStyleClass().add("muted");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotNull());
    message.managedProperty().bind(message.visibleProperty());

    VBox panel = new VBox(8, importButton, heading, list, message);
    panel.setPadding(new Insets(8));
    panel.setPrefWidth(196);
    panel.setMinWidth(150);
    panel.getStyleClass().add("datasets-panel");
    root.setLeft(panel);
    root.setCenter(browser);
  }

  private void select(String id) {
    RegisteredDataset match =
        list.getItems().stream().filter(d -> Objects.equals(d.id(), id)).findFirst().orElse(null);
    if (match == null) {
      list.getSelectionModel().clearSelection();
    } else if (list.getSelectionModel().getSelectedItem() != match) {
      list.getSelectionModel().select(match);
    }
  }

  public Node root() {
    return root;
  }

  /** Name in bold, then layout and clip count; the folder in the tooltip. */
  private static final class Cell extends ListCell<RegisteredDataset> {
    @Override
    protected void updateItem(RegisteredDataset d, boolean empty) {
      super.updateItem(d, empty);
      if (empty || d == null) {
        setText(null);
        setGraphic(null);
        setTooltip(null);
        return;
      }
      Label name = new Label(d.name());
      name.getStyleClass().add("dataset-name");
      name.setMinWidth(0); // a long name ends in an ellipsis (the tooltip has it all)
      Label info = new Label(d.layout() + " · " + d.clips() + " clips");
      info.getStyleClass().add("dataset-info");
      info.setWrapText(true);
      info.setMinWidth(0);
      setPrefWidth(0); // cells follow the list's width: no sideways scrolling
      setText(null);
      setGraphic(new VBox(1, name, info));
      setTooltip(new Tooltip(d.name() + "\n" + d.root() + "\nimported " + d.importedAt()));
    }
  }
}
