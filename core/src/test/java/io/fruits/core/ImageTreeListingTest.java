package io.fruits.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input as an S3 Inventory CSV describes it: keys below the input, decoded, sized, sorted. */
class ImageTreeListingTest {
  @TempDir Path tmp;
  final Configuration conf = new Configuration();

  private ImageTree read(String inventory) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("photos/in"));
    Path listing = tmp.resolve("inventory.csv");
    Files.writeString(listing, inventory);
    return ImageTree.fromListing(conf, new org.apache.hadoop.fs.Path(in.toUri()), new org.apache.hadoop.fs.Path(listing.toUri()), 1000);
  }

  @Test
  void keysBelowTheInputBecomeIds() throws Exception {
    String prefix = tmp.resolve("photos/in").toString().substring(1) + "/";
    ImageTree t = read("\"b\",\"" + prefix + "Kiwi+1/a%2Bb.jpg\",120,\"2026-11-26T00:00:00.000Z\"\n"
        + "\"b\",\"" + prefix + "Apple/.DS_Store\",6\n"
        + "\"b\",\"" + prefix + "Apple/big.jpg\",5000\n"
        + "\"b\",\"" + prefix + "Apple/\",0\n"
        + "\"b\",\"elsewhere/Apple/x.jpg\",10\n");
    assertEquals(List.of("Kiwi 1/a+b.jpg"), List.copyOf(t.files().keySet()));
    assertEquals(120, t.length("Kiwi 1/a+b.jpg"));
    assertEquals(tmp.resolve("photos/in/Kiwi 1/a+b.jpg").toUri().getPath(), t.files().get("Kiwi 1/a+b.jpg").toUri().getPath());
    assertEquals(List.of("Apple/.DS_Store"), List.copyOf(t.skipped().keySet()));
    assertEquals(List.of("Apple/big.jpg"), List.copyOf(t.tooLarge().keySet()));
  }

  @Test
  void aListingThatIsNotAnInventorySaysWhatToGive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("just,two\n"));
    assertTrue(e.getMessage().endsWith("has a row of 2 field(s); give an S3 Inventory CSV (bucket,key,size,...)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> read("\"b\",\"elsewhere/x.jpg\",10\n"));
    assertTrue(e.getMessage().contains("names no file below"), e.getMessage());
  }
}
