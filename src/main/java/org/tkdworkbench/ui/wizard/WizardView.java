package org.tkdworkbench.ui.wizard;

import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.util.Duration;
import org.controlsfx.dialog.Wizard;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.ui.wizard.WizardViewModel.Step;

/**
 * The dataset wizard's window: a ControlsFX {@link Wizard} (a modal dialog over the app) with one
 * page per {@link Step}, bound to a {@link WizardViewModel}.
 *
 * <p>Next (and Finish on the last page) is disabled while the view-model says the page is
 * incomplete, through {@link Wizard#invalidProperty()}: the wizard sets those buttons' disable
 * state itself, so they must not be bound. Finish is intercepted: the first press registers the dataset in a
 * job, and only once it is stored does the dialog close, so a failed registration stays on the page
 * as a message. However the dialog closes, the view-model's jobs are cancelled.
 */
public final class WizardView {
  private static final String CSS = "/org/tkdworkbench/ui/workbench.css";

  private final WizardViewModel vm;
  private final Wizard wizard;
  private final Timeline poller;

  /**
   * @param owner a node of the window the wizard belongs to (modal over it)
   */
  public WizardView(WizardViewModel vm, Node owner) {
    this.vm = vm;
    wizard = new Wizard(owner, "Import dataset");
    wizard.setReadSettings(false);
    WizardPage summary = new WizardPage(vm, Step.SUMMARY, "Summary", SummaryPage.build(vm));
    WizardPage[] pages = {
      new WizardPage(vm, Step.SOURCE, "Source", SourcePage.build(vm)),
      new WizardPage(vm, Step.LAYOUT, "Layout", LayoutPage.build(vm)),
      new WizardPage(vm, Step.FEATURES, "Feature settings", FeaturesPage.build(vm)),
      new WizardPage(vm, Step.NOISY, "Noisy variant (optional)", NoisyPage.build(vm)),
      summary
    };
    for (WizardPage p : pages) {
      p.getStylesheets().add(WizardView.class.getResource(CSS).toExternalForm());
    }
    // The wizard disables Next (and, on the last page, Finish) while "invalid".
    wizard
        .invalidProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    vm.stepProperty().get() == Step.SUMMARY
                        ? !vm.summary().canFinishProperty().get()
                            && vm.registeredProperty().get() == null
                        : !vm.canGoNextProperty().get(),
                vm.stepProperty(),
                vm.canGoNextProperty(),
                vm.summary().canFinishProperty(),
                vm.registeredProperty()));
    wizard.setFlow(new Wizard.LinearFlow(pages));
    wireFinish(summary);
    poller = new Timeline(new KeyFrame(Duration.millis(100), e -> vm.summary().pollProgress()));
    poller.setCycleCount(Timeline.INDEFINITE);
  }

  /**
   * Finish registers first and closes only once the entry is stored. The filter sits on the page,
   * not the button: the dialog recreates its button nodes as the wizard edits the button list.
   */
  private void wireFinish(WizardPage summary) {
    summary.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          Node finish = summary.lookupButton(ButtonType.FINISH);
          if (finish != null
              && e.getTarget() == finish
              && vm.registeredProperty().get() == null) {
            e.consume();
            vm.finish();
          }
        });
    vm.registeredProperty()
        .addListener(
            (o, a, stored) -> {
              if (stored != null && summary.lookupButton(ButtonType.FINISH) instanceof Button b) {
                b.fire();
              }
            });
  }

  /**
   * Shows the wizard and waits until it closes (Finish, Cancel or the window's close box). On a
   * registered import, hands the stored entry and the dataset's index to {@code onImported}.
   */
  public void showAndWait(BiConsumer<RegisteredDataset, DatasetIndex> onImported) {
    poller.play();
    try {
      wizard.showAndWait();
    } finally {
      poller.stop();
      vm.close();
    }
    RegisteredDataset stored = vm.registeredProperty().get();
    if (stored != null) { // registered: open it, even if the dialog was closed another way
      onImported.accept(stored, vm.importedIndex());
    }
  }
}
