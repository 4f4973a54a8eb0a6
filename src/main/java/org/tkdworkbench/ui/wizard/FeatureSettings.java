package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.FieldForm;
import org.tkdworkbench.ui.form.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tkdworkbench.features.FeatureSpec;

/**
 * The feature-settings page's state: one text per {@link FeatureSpec} field, named as the core
 * names them, and the spec they make when every field is valid. Validation is {@link
 * FeatureSpec#validate()} itself, so the page says exactly what the CLI says.
 */
public final class FeatureSettings {
  /** The fields, in page order, with the core's names. */
  public static final List<String> FIELDS =
      List.of("sample_rate", "n_fft", "win_length", "hop_length", "n_mels", "fmin", "fmax");

  private final FieldForm form = new FieldForm("features");
  private final ReadOnlyObjectWrapper<FeatureSpec> spec = new ReadOnlyObjectWrapper<>();

  public FeatureSettings(FeatureSpec initial) {
    form.field("sample_rate", Integer.toString(initial.sampleRate()))
        .field("n_fft", Integer.toString(initial.nFft()))
        .field("win_length", Integer.toString(initial.winLength()))
        .field("hop_length", Integer.toString(initial.hopLength()))
        .field("n_mels", Integer.toString(initial.nMels()))
        .field("fmin", Numbers.format(initial.fmin()))
        .field("fmax", initial.fmax() == null ? "" : Numbers.format(initial.fmax()));
    for (String f : FIELDS) {
      form.value(f).addListener((o, a, b) -> validate());
    }
    validate();
  }

  public FieldForm form() {
    return form;
  }

  /** The settings as a spec, or null while any field is invalid. */
  public ReadOnlyObjectProperty<FeatureSpec> specProperty() {
    return spec.getReadOnlyProperty();
  }

  /** The sample rate typed so far, or 0 when it is not a whole number. */
  public int sampleRate() {
    Integer sr = Numbers.parseInt(form.text("sample_rate"));
    return sr == null ? 0 : sr;
  }

  private void validate() {
    List<String> problems = new ArrayList<>();
    Integer sr = integer("sample_rate", problems);
    Integer nFft = integer("n_fft", problems);
    Integer win = integer("win_length", problems);
    Integer hop = integer("hop_length", problems);
    Integer mels = integer("n_mels", problems);
    Double fmin = number("fmin", problems);
    Double fmax = form.text("fmax").isEmpty() ? null : number("fmax", problems);
    FeatureSpec s = null;
    if (problems.isEmpty()) {
      s = new FeatureSpec(sr, nFft, win, hop, mels, fmin, fmax);
      problems.addAll(s.validate());
    }
    spec.set(problems.isEmpty() ? s : null);
    form.show(problems);
  }

  private Integer integer(String name, List<String> problems) {
    Integer v = Numbers.parseInt(form.text(name));
    if (v == null) {
      problems.add(form.notANumber(name, "a whole number"));
    }
    return v;
  }

  private Double number(String name, List<String> problems) {
    Double v = Numbers.parseDouble(form.text(name));
    if (v == null) {
      problems.add(form.notANumber(name, "a number" + (name.equals("fmax") ? " or empty (sample_rate/2)" : "")));
    }
    return v;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FeatureSettings[%s]", spec.get());
  }
}
