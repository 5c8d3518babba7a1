package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fruits.features.RejectReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InOrderResultsTest {
  final List<String> written = new ArrayList<>();
  final InOrderResults results = new InOrderResults(new InOrderResults.Out() {
    @Override
    public void vector(String id, String label, float[] vector) {
      written.add(id);
    }

    @Override
    public void reject(String id, String label, RejectReason reason, String detail) {
      written.add(id + ":" + reason.word());
    }

    @Override
    public void rejectRow(List<String> row) {
      written.add(row.get(0) + ":" + row.get(2));
    }
  });

  static PreviousFeatures.Result vector(String id) {
    return new PreviousFeatures.Result(id, "l", new float[] {1}, null);
  }

  @Test
  void knownResultsWaitBehindImagesStillInTheCnn() throws Exception {
    results.known(vector("a")); // nothing queued: written at once
    results.computing(); // b
    results.known(vector("c"));
    results.known(new PreviousFeatures.Result("d", "l", null, List.of("d", "l", "corrupt", "")));
    results.computing(); // e
    results.known(vector("f"));
    assertEquals(List.of("a"), written);
    assertEquals(3, results.waiting());
    results.vector("b", "l", new float[] {2});
    assertEquals(List.of("a", "b", "c", "d:corrupt"), written);
    results.reject("e", "l", RejectReason.EMPTY, "");
    assertEquals(List.of("a", "b", "c", "d:corrupt", "e:empty", "f"), written);
    assertEquals(0, results.waiting());
  }

  @Test
  void aResultForNoQueuedImageIsABug() {
    assertThrows(IllegalStateException.class, () -> results.vector("x", "l", new float[] {1}));
  }
}
