package org.tkdworkbench.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The accuracy-vs-cost trade-off: of a set of runs, those no other run beats, i.e. none has lower
 * or equal cost and higher or equal metric with one of the two strictly better. What the compare
 * view's scatter connects with a line.
 */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * One run as a point.
   *
   * @param id the run's name
   * @param cost lower is better (MACs, parameters, bytes, milliseconds)
   * @param metric higher is better (accuracy, mAP)
   */
  public record Point(String id, double cost, double metric) {}

  /**
   * The non-dominated points, by increasing cost (so their metric increases too). Points with a
   * non-finite coordinate are left out.
   */
  public static List<Point> of(List<Point> points) {
    List<Point> sorted =
        new ArrayList<>(points.stream().filter(p -> Double.isFinite(p.cost()) && Double.isFinite(p.metric())).toList());
    // Cheapest first; at equal cost the best first, so the others at that cost are dominated.
    sorted.sort(Comparator.comparingDouble(Point::cost).thenComparing(Comparator.comparingDouble(Point::metric).reversed()));
    List<Point> front = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (Point p : sorted) {
      if (p.metric() > best) {
        front.add(p);
        best = p.metric();
      }
    }
    return front;
  }
}
