package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageIdTest {
  @Test
  void labelIsTheParentFolder() {
    assertEquals("Apple 6", ImageId.labelOf("Training/Apple 6/r0_1_100.jpg"));
    assertEquals("Kiwi", ImageId.labelOf("Kiwi/a.png"));
    assertEquals("", ImageId.labelOf("loose.jpg"));
  }

  @Test
  void hiddenFollowsHadoopConvention() {
    assertTrue(ImageId.isHidden(".DS_Store"));
    assertTrue(ImageId.isHidden("_SUCCESS"));
    assertFalse(ImageId.isHidden("README"));
  }

  @Test
  void csvQuotesOnlyWhenNeededAndParsesBack() {
    assertEquals("plain", Csv.field("plain"));
    assertEquals("\"a,b\"", Csv.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
    String line = Csv.field("x/it's, \"odd\".jpg") + "," + Csv.field("Apple 6") + ",3";
    assertEquals(List.of("x/it's, \"odd\".jpg", "Apple 6", "3"), Csv.parse(line));
  }

  @Test
  void recordsWithLineBreaksAndCommasReadBackWhole() {
    String id = "Training/Apple 6/two\nlines, one \"file\".jpg";
    String text = "id,label\n" + Csv.field(id) + "," + Csv.field("Apple 6") + "\nnext,row\n";
    try (Csv.Records records = Csv.records(new java.io.StringReader(text))) {
      List<List<String>> rows = new java.util.ArrayList<>();
      records.forEach(rows::add);
      assertEquals(List.of(List.of("id", "label"), List.of(id, "Apple 6"), List.of("next", "row")), rows);
    }
  }
}
