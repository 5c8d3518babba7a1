package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The row formats both editions write. */
class CsvRowsTest {
  @Test
  void vectorsQuoteIdsOnlyWhenNeededAndPrintNumbersAsJava() {
    StringBuilder line = new StringBuilder("left over");
    assertEquals("Training/Apple 6/1.jpg,Apple 6,1.5,-0.25", CsvRows.vector(line, "Training/Apple 6/1.jpg", "Apple 6", new float[] {1.5f, -0.25f}).toString());
    assertEquals("\"a,b/1.jpg\",\"a,b\",1.0E-7,2.0", CsvRows.vector(line, "a,b/1.jpg", "a,b", new double[] {1e-7, 2}).toString());
  }

  @Test
  void rejectsNameTheReason() {
    assertEquals("\"x/\"\"q\"\".jpg\",x,corrupt,\"bad, very\"", CsvRows.reject("x/\"q\".jpg", "x", "corrupt", "bad, very"));
  }
}
