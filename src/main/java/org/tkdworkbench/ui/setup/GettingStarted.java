package org.tkdworkbench.ui.setup;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The getting-started guide: a strip above the sections with the researcher's path through the
 * app on the bundled sample, each step a link to its section, and <b>Hide</b> (remembered in the
 * settings; Settings can show it again).
 */
public final class GettingStarted {
  private final HBox root = new HBox(10);

  /**
   * @param go shows the section with this navigation id
   * @param hide called when the user hides the guide
   */
  public GettingStarted(Consumer<String> go, Runnable hide) {
    root.setId("gettingStarted");
    root.getStyleClass().add("guide");
    root.setPadding(new Insets(6, 10, 6, 10));
    root.setAlignment(Pos.CENTER_LEFT);
    Label title = new Label("Getting started:");
    title.getStyleClass().add("section-title");
    FlowPane steps = new FlowPane(4, 2);
    steps.setAlignment(Pos.CENTER_LEFT);
    steps.getChildren().addAll(
        step("1 Datasets: the sample is open", "navDatasets", go),
        arrow(),
        step("2 Teacher: Train teacher…", "navTeacher", go),
        arrow(),
        step("3 Student: set λ, Launch run", "navStudent", go),
        arrow(),
        step("4 Runs: watch it learn", "navRuns", go),
        arrow(),
        step("5 Compare: select runs, Compare selected", "navCompare", go));
    HBox.setHgrow(steps, Priority.ALWAYS);
    Button close = new Button("Hide");
    close.setId("hideGuide");
    close.setOnAction(e -> hide.run());
    root.getChildren().addAll(title, steps, close);
  }

  private static Hyperlink step(String text, String navId, Consumer<String> go) {
    Hyperlink h = new Hyperlink(text);
    h.setId("guide-" + navId);
    h.setOnAction(e -> {
      go.accept(navId);
      h.setVisited(false);
    });
    return h;
  }

  private static Label arrow() {
    Label l = new Label("→");
    l.getStyleClass().add("muted");
    return l;
  }

  public Node root() {
    return root;
  }
}
