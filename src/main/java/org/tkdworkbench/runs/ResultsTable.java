package org.tkdworkbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The paper's Table 2 from finished runs: one table per (dataset, target), rows students, columns
 * λ, each cell the mean ± sample standard deviation over seeds of the test metric at the best
 * validation epoch, the best cell of each row marked; and, because a λ is only better than λ = 0 if
 * it wins on the <em>same</em> seeds, the paired difference to λ = 0 with wins / ties / losses.
 *
 * <p>Reads only the plain keys of {@code run.json} ({@code student}, {@code lambda}, {@code seed},
 * {@code target}, {@code dataset}) and {@code summary.json}'s {@code test_metric}, so runs made by
 * other tools that write those keys are tabled too.
 */
public final class ResultsTable {
  /** Differences below this are ties (metrics are ratios of clip counts, so exact ties happen). */
  static final double TIE = 1e-9;

  /** One finished run. */
  public record Cell(String dataset, String target, String student, double lambda, long seed, double test) {}

  /** Mean, sample std and count of a cell's seeds. */
  public record Stats(int n, double mean, double std) {}

  /** The paired comparison of a λ with λ = 0 over the seeds both have. */
  public record Paired(int n, double meanDiff, double stdDiff, int wins, int ties, int losses) {}

  /** One table: a dataset and a target. */
  public record Table(
      String dataset,
      String target,
      List<String> students,
      List<Double> lambdas,
      Map<String, Map<Double, Stats>> stats,
      Map<String, Map<Double, Paired>> paired,
      Map<String, Double> bestLambda) {}

  private ResultsTable() {}

  /** The cells of the finished runs among {@code runs} (others are skipped). */
  public static List<Cell> cells(List<RunInfo> runs) {
    List<Cell> out = new ArrayList<>();
    for (RunInfo r : runs) {
      if (r.status() == null || r.status().state() != RunState.FINISHED || r.summary() == null) {
        continue;
      }
      JsonNode c = r.config();
      JsonNode test = r.summary().get("test_metric");
      if (c == null || !c.hasNonNull("student") || !c.hasNonNull("lambda") || test == null || !test.isNumber()) {
        continue;
      }
      out.add(
          new Cell(
              c.hasNonNull("dataset") ? c.get("dataset").asText() : "",
              c.hasNonNull("target") ? c.get("target").asText() : "teacher",
              c.get("student").asText(),
              c.get("lambda").asDouble(),
              c.hasNonNull("seed") ? c.get("seed").asLong() : 0,
              test.asDouble()));
    }
    return out;
  }

  /**
   * One table per (dataset, target), students in first-seen order, λ ascending. A λ = 0 run does
   * not depend on its target (the attention term has weight 0), so it is the λ = 0 column of every
   * target's table on its dataset: a sweep trains it once.
   */
  public static List<Table> pivot(List<Cell> cells) {
    Map<List<String>, List<Cell>> groups = new LinkedHashMap<>();
    for (Cell c : cells) {
      groups.computeIfAbsent(List.of(c.dataset(), c.target()), k -> new ArrayList<>()).add(c);
    }
    for (var g : groups.entrySet()) { // groups exist only where real cells are; borrowing adds none
      for (Cell c : cells) {
        boolean baseline = c.lambda() == 0 && c.dataset().equals(g.getKey().get(0)) && !c.target().equals(g.getKey().get(1));
        boolean present = g.getValue().stream()
            .anyMatch(x -> x.lambda() == 0 && x.student().equals(c.student()) && x.seed() == c.seed());
        if (baseline && !present) {
          g.getValue().add(new Cell(c.dataset(), g.getKey().get(1), c.student(), 0, c.seed(), c.test()));
        }
      }
    }

    List<Table> tables = new ArrayList<>();
    for (var g : groups.entrySet()) {
      List<Cell> cs = g.getValue();
      Set<String> students = new LinkedHashSet<>();
      Set<Double> lambdas = new TreeSet<>();
      for (Cell c : cs) {
        students.add(c.student());
        lambdas.add(c.lambda());
      }
      Map<String, Map<Double, Stats>> stats = new LinkedHashMap<>();
      Map<String, Map<Double, Paired>> paired = new LinkedHashMap<>();
      Map<String, Double> best = new LinkedHashMap<>();
      for (String s : students) {
        Map<Double, Map<Long, Double>> bySeed = new LinkedHashMap<>();
        for (Cell c : cs) {
          if (c.student().equals(s)) {
            // A repeated (λ, seed) keeps its last run, so a re-run replaces, not doubles, a seed.
            bySeed.computeIfAbsent(c.lambda(), k -> new LinkedHashMap<>()).put(c.seed(), c.test());
          }
        }
        Map<Double, Stats> row = new LinkedHashMap<>();
        Map<Double, Paired> prow = new LinkedHashMap<>();
        Double bestL = null;
        for (double l : lambdas) {
          Map<Long, Double> v = bySeed.get(l);
          if (v == null) {
            continue;
          }
          Stats st = stats(new ArrayList<>(v.values()));
          row.put(l, st);
          if (bestL == null || st.mean() > row.get(bestL).mean()) {
            bestL = l;
          }
          Map<Long, Double> base = bySeed.get(0.0);
          if (l != 0.0 && base != null) {
            prow.put(l, paired(base, v));
          }
        }
        stats.put(s, row);
        paired.put(s, prow);
        best.put(s, bestL);
      }
      tables.add(new Table(g.getKey().get(0), g.getKey().get(1), List.copyOf(students), List.copyOf(lambdas), stats, paired, best));
    }
    return tables;
  }

  static Stats stats(List<Double> v) {
    int n = v.size();
    double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new Stats(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN);
  }

  static Paired paired(Map<Long, Double> base, Map<Long, Double> other) {
    List<Double> d = new ArrayList<>();
    int w = 0;
    int t = 0;
    int l = 0;
    for (var e : other.entrySet()) {
      Double b = base.get(e.getKey());
      if (b == null) {
        continue;
      }
      double diff = e.getValue() - b;
      d.add(diff);
      if (Math.abs(diff) < TIE) {
        t++;
      } else if (diff > 0) {
        w++;
      } else {
        l++;
      }
    }
    Stats s = stats(d);
    return new Paired(d.size(), s.mean(), s.std(), w, t, l);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", 100 * v);
  }

  private static String cell(Stats s) {
    return s.n() > 1 ? pct(s.mean()) + " ± " + pct(s.std()) : pct(s.mean());
  }

  private static String diff(Paired p) {
    String sign = p.meanDiff() >= 0 ? "+" : "";
    return String.format(Locale.ROOT, "%s%s (%d/%d/%d)", sign, pct(p.meanDiff()), p.wins(), p.ties(), p.losses());
  }

  /** Markdown: a heading per table, cells in percent, the best of a row in bold, then the paired rows. */
  public static String markdown(List<Table> tables, String metric) {
    StringBuilder b = new StringBuilder();
    for (Table t : tables) {
      b.append("### ").append(metric).append(" (%), target ").append(t.target());
      if (!t.dataset().isEmpty()) {
        b.append(", ").append(t.dataset());
      }
      b.append("\n\n| student |");
      t.lambdas().forEach(l -> b.append(" λ = ").append(num(l)).append(" |"));
      b.append("\n|---|");
      t.lambdas().forEach(l -> b.append("---|"));
      b.append('\n');
      for (String s : t.students()) {
        b.append("| ").append(s).append(" |");
        for (double l : t.lambdas()) {
          Stats st = t.stats().get(s).get(l);
          String text = st == null ? "" : cell(st);
          boolean best = st != null && Double.valueOf(l).equals(t.bestLambda().get(s)) && t.stats().get(s).size() > 1;
          b.append(' ').append(best ? "**" + text + "**" : text).append(" |");
        }
        b.append('\n');
      }
      boolean anyPaired = t.paired().values().stream().anyMatch(m -> !m.isEmpty());
      if (anyPaired) {
        b.append("\nPaired difference to λ = 0 on the same seeds, mean in points (wins/ties/losses):\n\n| student |");
        t.lambdas().stream().filter(l -> l != 0.0).forEach(l -> b.append(" λ = ").append(num(l)).append(" |"));
        b.append("\n|---|");
        t.lambdas().stream().filter(l -> l != 0.0).forEach(l -> b.append("---|"));
        b.append('\n');
        for (String s : t.students()) {
          b.append("| ").append(s).append(" |");
          for (double l : t.lambdas()) {
            if (l == 0.0) {
              continue;
            }
            Paired p = t.paired().get(s).get(l);
            b.append(' ').append(p == null ? "" : diff(p)).append(" |");
          }
          b.append('\n');
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** CSV, one row per (dataset, target, student, λ): pandas-ready, metric as a fraction. */
  public static String csv(List<Table> tables) {
    StringBuilder b = new StringBuilder(
        "dataset,target,student,lambda,seeds,mean,std,best_in_row,paired_seeds,diff_mean,diff_std,wins,ties,losses\n");
    for (Table t : tables) {
      for (String s : t.students()) {
        for (double l : t.lambdas()) {
          Stats st = t.stats().get(s).get(l);
          if (st == null) {
            continue;
          }
          Paired p = t.paired().get(s).get(l);
          b.append(quote(t.dataset())).append(',').append(quote(t.target())).append(',').append(quote(s)).append(',')
              .append(num(l)).append(',').append(st.n()).append(',').append(num(st.mean())).append(',').append(num(st.std()))
              .append(',').append(Double.valueOf(l).equals(t.bestLambda().get(s)))
              .append(',').append(p == null ? "" : p.n())
              .append(',').append(p == null ? "" : num(p.meanDiff()))
              .append(',').append(p == null ? "" : num(p.stdDiff()))
              .append(',').append(p == null ? "" : p.wins())
              .append(',').append(p == null ? "" : p.ties())
              .append(',').append(p == null ? "" : p.losses())
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
