package io.fruits.mapreduce;

import io.fruits.features.FeatureBatcher;
import io.fruits.features.RejectReason;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Keeps a feature task's output in input order when some results are known at once (reused by an
 * update) and others come later from the CNN: a known result waits behind the images queued before
 * it. Order matters because each output part must hold consecutive ids, as in a fresh run, so an
 * updated run's CSVs are the fresh run's byte for byte.
 */
final class InOrderResults implements FeatureBatcher.Sink {
  /** Where results go, in order. */
  interface Out extends FeatureBatcher.Sink {
    void rejectRow(List<String> row) throws IOException, InterruptedException;
  }

  private static final Object COMPUTING = new Object();

  private final Out out;
  /** {@link #COMPUTING} for an image in the batcher, a {@link PreviousFeatures.Result} for a known one. */
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private int known;

  InOrderResults(Out out) {
    this.out = out;
  }

  /** The next input goes to the CNN; its result arrives through this sink. */
  void computing() {
    queue.add(COMPUTING);
  }

  /** The next input's result is already known. */
  void known(PreviousFeatures.Result r) throws IOException, InterruptedException {
    if (queue.isEmpty()) {
      write(r);
    } else {
      queue.add(r);
      known++;
    }
  }

  /** Known results held back behind images still in the batcher. */
  int waiting() {
    return known;
  }

  @Override
  public void vector(String id, String label, float[] vector) throws IOException, InterruptedException {
    next();
    out.vector(id, label, vector);
    drainKnown();
  }

  @Override
  public void reject(String id, String label, RejectReason reason, String detail) throws IOException, InterruptedException {
    next();
    out.reject(id, label, reason, detail);
    drainKnown();
  }

  /** Writes the known results ahead of the next computed one and takes that one off the queue. */
  private void next() throws IOException, InterruptedException {
    drainKnown();
    if (queue.poll() != COMPUTING) {
      throw new IllegalStateException("a CNN result arrived for no queued image");
    }
  }

  private void drainKnown() throws IOException, InterruptedException {
    while (!queue.isEmpty() && queue.peek() != COMPUTING) {
      known--;
      write((PreviousFeatures.Result) queue.poll());
    }
  }

  private void write(PreviousFeatures.Result r) throws IOException, InterruptedException {
    if (r.vector() != null) {
      out.vector(r.id(), r.label(), r.vector());
    } else {
      out.rejectRow(r.reject());
    }
  }
}
