package org.tkdworkbench.ui.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A page's editable text fields and the problems attached to each.
 *
 * <p>The core's {@code validate()} methods say {@code section.field: rule, found value}; {@link
 * #show} routes each message to the field it names (or to several, through an alias such as {@code
 * noisy.snr} for both SNR bounds), and anything that names no field to the page-wide {@link
 * #generalProperty}. The field's message is the part after the colon, because the field's own label
 * already names it.
 */
public final class FieldForm {
  private final String section;
  private final Map<String, StringProperty> values = new LinkedHashMap<>();
  private final Map<String, ReadOnlyStringWrapper> messages = new LinkedHashMap<>();
  private final Map<String, List<String>> aliases = new LinkedHashMap<>();
  private final ReadOnlyStringWrapper general = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper();

  /** @param section the prefix the core uses for these fields, e.g. {@code features} */
  public FieldForm(String section) {
    this.section = section;
  }

  /** Adds a field named as the core names it (e.g. {@code hop_length}) with a starting value. */
  public FieldForm field(String name, String initial) {
    values.put(name, new SimpleStringProperty(this, name, initial));
    messages.put(name, new ReadOnlyStringWrapper(this, name + "Message"));
    return this;
  }

  /** Routes messages about {@code name} (not itself a field) to {@code fields}. */
  public FieldForm alias(String name, String... fields) {
    aliases.put(name, List.of(fields));
    return this;
  }

  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  public StringProperty value(String name) {
    return require(values, name);
  }

  public String text(String name) {
    String v = value(name).get();
    return v == null ? "" : v.strip();
  }

  /** What is wrong with the field, or null. */
  public ReadOnlyStringProperty message(String name) {
    return require(messages, name).getReadOnlyProperty();
  }

  /** Problems that name no field of this form, one per line, or null. */
  public ReadOnlyStringProperty generalProperty() {
    return general.getReadOnlyProperty();
  }

  /** True while any problem is shown. */
  public ReadOnlyBooleanProperty invalidProperty() {
    return invalid.getReadOnlyProperty();
  }

  /** Replaces every shown problem with {@code problems} ({@code section.field: rule, found x}). */
  public void show(List<String> problems) {
    Map<String, List<String>> perField = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (String p : problems) {
      Optional<List<String>> targets = targets(p);
      if (targets.isPresent()) {
        String text = p.substring(p.indexOf(':') + 1).strip();
        for (String f : targets.get()) {
          perField.computeIfAbsent(f, k -> new ArrayList<>()).add(text);
        }
      } else {
        rest.add(p);
      }
    }
    messages.forEach(
        (name, m) -> {
          List<String> mine = perField.get(name);
          m.set(mine == null ? null : String.join("; ", mine));
        });
    general.set(rest.isEmpty() ? null : String.join("\n", rest));
    invalid.set(!problems.isEmpty());
  }

  /** The message for {@code name} when its text is not a number of the right kind. */
  public String notANumber(String name, String kind) {
    return section + "." + name + ": must be " + kind + ", found '" + text(name) + "'";
  }

  private Optional<List<String>> targets(String problem) {
    int colon = problem.indexOf(':');
    String prefix = section + ".";
    if (colon < 0 || !problem.startsWith(prefix)) {
      return Optional.empty();
    }
    String name = problem.substring(prefix.length(), colon);
    if (values.containsKey(name)) {
      return Optional.of(List.of(name));
    }
    return Optional.ofNullable(aliases.get(name));
  }

  private static <T> T require(Map<String, T> map, String name) {
    T t = map.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no field " + name + " (fields: " + map.keySet() + ")");
    }
    return t;
  }
}
