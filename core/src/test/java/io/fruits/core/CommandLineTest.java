package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final CommandLine.Spec SPEC = CommandLine.Spec.of("see fruits x --help", List.of("--input", "--n"), List.of("--overwrite"), true);

  @Test
  void definesAnywhereOptionsFlagsAndOperands() {
    CommandLine c = CommandLine.parse(new String[] {"-D", "a=1", "--input", "in", "photo.jpg", "-Db=2=3", "--overwrite", "--n", "7"}, SPEC);
    assertEquals("in", c.value("--input"));
    assertTrue(c.has("--overwrite"));
    assertEquals(Map.of("a", "1", "b", "2=3"), c.defines());
    assertEquals(List.of("photo.jpg"), c.operands());
    assertEquals(7, c.number("--n", 1, 1, 10));
    assertEquals(5, c.number("--missing", 5, 1, 10));
  }

  @Test
  void everyErrorIsOneLineSayingWhereToLook() {
    assertEquals("unknown option '--inptu'; see fruits x --help",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--inptu"}, SPEC)).getMessage());
    assertEquals("--input needs a value; see fruits x --help",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--input"}, SPEC)).getMessage());
    assertEquals("--input is given twice ('a' and 'b'); give it once; see fruits x --help",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--input", "a", "--input", "b"}, SPEC)).getMessage());
    assertEquals("-D k is not key=value; see fruits x --help",
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"-D", "k"}, SPEC)).getMessage());
    assertEquals("missing --input IN (the image folder); see fruits x --help", assertThrows(IllegalArgumentException.class,
        () -> CommandLine.parse(new String[0], SPEC).require("--input", "IN (the image folder)")).getMessage());
    assertEquals("--n is 'x[$(id)]'; give a whole number from 1 to 10", assertThrows(IllegalArgumentException.class,
        () -> CommandLine.parse(new String[] {"--n", "x[$(id)]"}, SPEC).number("--n", 1, 1, 10)).getMessage());
  }
}
