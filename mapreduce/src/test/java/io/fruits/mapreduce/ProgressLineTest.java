package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void imagesDoneRateAndTimeLeft() {
    assertEquals("1,234/11,280 images (10.9%), 411 images/s, 0:24 left", ProgressLine.images(1234, 11280, 3.0));
    assertEquals("11,280/11,280 images (100.0%), 564 images/s", ProgressLine.images(11280, 11280, 20.0));
    assertEquals("500 images, 50 images/s", ProgressLine.images(500, -1, 10.0), "a resumed run knows no total");
    assertEquals("0/100 images (0.0%), 0 images/s", ProgressLine.images(0, 100, 0));
  }

  @Test
  void aTerminalLineRewritesItselfInPlace() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressLine line = new ProgressLine(new PrintStream(out, true, StandardCharsets.UTF_8), true);
    line.show("ten chars!", 0);
    line.show("ten chars!", 1); // unchanged: nothing
    line.show("short", 2);
    line.end();
    assertEquals("\rten chars!\rshort     \n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void elsewhereAPlainLineAtMostEveryTenSeconds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressLine line = new ProgressLine(new PrintStream(out, true, StandardCharsets.UTF_8), false);
    line.show("a", 0);
    line.show("b", 5 * SECOND);
    line.show("c", 10 * SECOND);
    line.end();
    assertEquals("a\nc\n", out.toString(StandardCharsets.UTF_8));
  }
}
