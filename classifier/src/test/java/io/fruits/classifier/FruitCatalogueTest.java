package io.fruits.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue covers every class once, with text in every field that must have it. */
class FruitCatalogueTest {
  private final FruitCatalogue catalogue = FruitCatalogue.load();

  @Test
  void oneCompleteEntryPerClass() {
    assertEquals(141, catalogue.entries().size());
    for (CatalogueEntry e : catalogue.entries().values()) {
      assertFalse(e.displayName().isBlank(), e.className());
      assertFalse(e.species().isBlank(), e.className());
      assertFalse(e.description().isBlank(), e.className());
    }
  }

  @Test
  void olderNamesMapToCurrentClasses() {
    assertEquals("Banana 1", catalogue.currentName("Banana"));
    assertEquals("Banana", catalogue.entry("Banana").displayName());
    assertEquals("Apple Golden 1", catalogue.currentName("Apple Golden 1"));
    assertNull(catalogue.entry("Durian"));
    catalogue.legacyNames().forEach((old, current) -> assertNotNull(catalogue.entries().get(current), old + " -> " + current));
  }

  @Test
  void sameClassesAsTheSharedSample() throws Exception {
    // The shared sample is optional for unit tests: compare when it is there.
    Path classes = Path.of(System.getProperty("fruits.shared.dir", "../../shared"), "data/fruits-360/classes.txt");
    if (Files.isRegularFile(classes)) {
      List<String> names = Files.readAllLines(classes).stream().map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
      assertEquals(names, catalogue.entries().keySet().stream().sorted().toList());
    }
  }
}
