package org.tkdworkbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * NaN and infinities in JSON: Jackson writes them as bare {@code NaN} tokens, which are not JSON,
 * so the strict readers (ours, {@code jq}, JavaScript) would refuse the whole file. A config must
 * be exact, so non-finite numbers in it are refused; in a summary they mean "not measured" and
 * become {@code null}.
 */
final class JsonNumbers {
  private JsonNumbers() {}

  /** The paths ({@code config.lambda}) of non-finite numbers in {@code node}. */
  static List<String> nonFinite(JsonNode node, String path) {
    List<String> out = new ArrayList<>();
    walk(node, path, out, false);
    return out;
  }

  /** Replaces non-finite numbers by null, in place. */
  static void nullNonFinite(JsonNode node) {
    walk(node, "", new ArrayList<>(), true);
  }

  private static void walk(JsonNode node, String path, List<String> found, boolean replace) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + "." + e.getKey();
        if (bad(e.getValue())) {
          found.add(p + ": must be a finite number, found " + e.getValue().asText());
          if (replace) {
            e.setValue(o.nullNode());
          }
        } else {
          walk(e.getValue(), p, found, replace);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        String p = path + "[" + i + "]";
        if (bad(a.get(i))) {
          found.add(p + ": must be a finite number, found " + a.get(i).asText());
          if (replace) {
            a.set(i, a.nullNode());
          }
        } else {
          walk(a.get(i), p, found, replace);
        }
      }
    }
  }

  private static boolean bad(JsonNode n) {
    return n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue());
  }
}
