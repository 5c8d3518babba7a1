package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartsTest {
  @Test
  void barsScaleToTheLongest() {
    String svg = SvgCharts.bars(List.of("pack", "features"), new double[] {2.5, 10}, "s");
    assertEquals(2, count(svg, "class=\"bar\""));
    assertTrue(svg.contains("width=\"410.0\""), "the longest bar fills the width: " + svg);
    assertTrue(svg.contains("width=\"102.5\""), "a quarter of it: " + svg);
    assertTrue(svg.contains(">10.0 s</text>") && svg.contains(">features</text>"), svg);
  }

  @Test
  void screeShowsComponentsCumulativeTargetAndK() {
    double[] ratios = {0.5, 0.25, 0.125, 0.0625, 0.0625};
    String svg = SvgCharts.scree(ratios, 3, 0.8, 4);
    assertEquals(4, count(svg, "class=\"component\""), "only the components asked for");
    assertEquals(4, svg.replaceAll("(?s).*points=\"([^\"]*)\".*", "$1").split(" ").length, "one cumulative point per component");
    assertTrue(svg.contains(">k = 3</text>") && svg.contains(">80%</text>"), svg);
  }

  @Test
  void scatterColoursEachClassAndNamesItInTheLegend() {
    String svg = SvgCharts.scatter(List.of(new double[] {0, 0}, new double[] {1, 1}, new double[] {2, 0}), List.of(0, 1, 1),
        List.of("Apple <1>", "Pear & co"));
    assertEquals(3, count(svg, "class=\"point\""));
    assertEquals(2, count(svg, "class=\"legend\""));
    assertTrue(svg.contains(">Apple &lt;1&gt;</text>") && svg.contains(">Pear &amp; co</text>"), "names escaped: " + svg);
    assertEquals(3, count(svg, "fill=\"" + SvgCharts.PALETTE[1] + "\""), "class 1: two points and its legend box: " + svg);
    assertTrue(svg.contains("cx=\"10.0\" cy=\"410.0\"") && svg.contains("cx=\"410.0\" cy=\"410.0\"") && svg.contains("cx=\"210.0\" cy=\"10.0\""),
        "the extremes at the plot's edges, y upwards: " + svg);
  }

  private static int count(String s, String what) {
    return s.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }
}
