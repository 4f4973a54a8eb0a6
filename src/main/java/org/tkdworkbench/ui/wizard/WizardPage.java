package org.tkdworkbench.ui.wizard;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.tkdworkbench.ui.wizard.WizardViewModel.Step;

/**
 * One page of the ControlsFX wizard: tells the view-model which step is shown when the wizard
 * enters it, and gives the wizard's buttons stable ids ({@code #wizardNext}, {@code #wizardBack},
 * {@code #wizardFinish}, {@code #wizardCancel}) whenever the wizard (re)creates them.
 */
class WizardPage extends WizardPane {
  static final double WIDTH = 940;
  static final double HEIGHT = 640;

  private final WizardViewModel vm;
  private final Step step;

  WizardPage(WizardViewModel vm, Step step, String title, Node content) {
    this.vm = vm;
    this.step = step;
    setId("wizardPage_" + step.name().toLowerCase(Locale.ROOT));
    setHeaderText("Step " + (step.ordinal() + 1) + " of " + Step.values().length + " · " + title);
    setContent(content);
    setPrefSize(WIDTH, HEIGHT);
    setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    getButtonTypes().addListener((ListChangeListener<ButtonType>) c -> nameButtons());
  }

  @Override
  public void onEnteringPage(Wizard wizard) {
    vm.enter(step);
    nameButtons();
  }

  private void nameButtons() {
    for (ButtonType type : getButtonTypes()) {
      Node n = lookupButton(type);
      if (n instanceof Button b) {
        switch (type.getButtonData()) {
          case NEXT_FORWARD -> b.setId("wizardNext");
          case BACK_PREVIOUS -> b.setId("wizardBack");
          case FINISH -> b.setId("wizardFinish");
          case CANCEL_CLOSE -> b.setId("wizardCancel");
          default -> {}
        }
      }
    }
  }
}
