package io.fruits.features;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams encoded images through the CNN in batches, keeping decode and resize off the engine's
 * critical path: while the engine runs batch i on the caller's thread, one helper thread decodes
 * batch i+1 into the other of two reusable tensors. Results reach the {@link Sink} on the caller's
 * thread, in input order, rejects included, so Hadoop's {@code context.write} is safe to call.
 */
public final class FeatureBatcher implements AutoCloseable {
  /** Receives every input exactly once: as a vector or as a reject. */
  public interface Sink {
    void vector(String id, String label, float[] vector) throws IOException, InterruptedException;

    void reject(String id, String label, RejectReason reason, String detail) throws IOException, InterruptedException;
  }

  private final FeatureExtractor extractor;
  private final ImagePreprocessor preprocessor;
  private final Sink sink;
  private final ExecutorService helper;
  private final Deque<Slot> free = new ArrayDeque<>();
  private final Deque<Future<Slot>> pending = new ArrayDeque<>();
  private final BatchTimes times = new BatchTimes();
  private Slot filling;

  public FeatureBatcher(FeatureExtractor extractor, int batchSize, long maxPixels, Sink sink) {
    this(extractor, batchSize, maxPixels, true, sink);
  }

  /**
   * @param prefetch decode the next batch on a helper thread while the engine runs; false decodes
   *     on the caller's thread between batches (for machines where the engine already uses every
   *     core and a third thread only competes with it)
   */
  public FeatureBatcher(FeatureExtractor extractor, int batchSize, long maxPixels, boolean prefetch, Sink sink) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch.size must be at least 1");
    }
    ModelDescriptor d = extractor.descriptor();
    this.extractor = extractor;
    this.preprocessor = new ImagePreprocessor(d, maxPixels);
    this.sink = sink;
    this.helper = prefetch ? Executors.newSingleThreadExecutor(FeatureBatcher::decodeThread) : new CallerRunsExecutor();
    free.add(new Slot(d, batchSize));
    filling = new Slot(d, batchSize);
  }

  /** Queues one image; {@code bytes} is copied, so the caller may reuse its buffer. */
  public void add(String id, String label, byte[] bytes, int length) throws IOException, InterruptedException {
    filling.add(id, label, bytes, length);
    if (filling.isFull()) {
      dispatch();
    }
  }

  /** Runs whatever is queued and delivers every result. */
  public void flush() throws IOException, InterruptedException {
    if (filling.size() > 0) {
      dispatch();
    }
    while (!pending.isEmpty()) {
      free.add(complete(pending.poll()));
    }
  }

  public BatchTimes times() {
    return times;
  }

  private void dispatch() throws IOException, InterruptedException {
    Slot toPrepare = filling;
    pending.add(helper.submit(() -> prepare(toPrepare)));
    if (free.isEmpty()) {
      free.add(complete(pending.poll()));
    }
    filling = free.poll();
  }

  private static Thread decodeThread(Runnable r) {
    Thread t = new Thread(r, "fruits-decode");
    t.setDaemon(true);
    return t;
  }

  private Slot prepare(Slot slot) {
    long start = System.nanoTime();
    slot.prepare(preprocessor);
    times.addDecode(System.nanoTime() - start, slot.batch.count());
    return slot;
  }

  private Slot complete(Future<Slot> future) throws IOException, InterruptedException {
    long waitStart = System.nanoTime();
    Slot slot;
    try {
      slot = future.get();
    } catch (ExecutionException e) {
      throw new IOException("image preparation failed: " + e.getCause(), e.getCause());
    }
    long inferStart = System.nanoTime();
    times.addWait(inferStart - waitStart);
    float[][] vectors = extractor.extract(slot.batch);
    times.addInference(System.nanoTime() - inferStart);
    slot.deliver(vectors, sink);
    slot.clear();
    return slot;
  }

  @Override
  public void close() {
    helper.shutdownNow();
  }

  /** Runs each task at submission, on the submitting thread. */
  private static final class CallerRunsExecutor extends java.util.concurrent.AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public java.util.List<Runnable> shutdownNow() {
      shutdown = true;
      return java.util.List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
      return true;
    }
  }

  /** Encoded inputs of one batch, and after preparation, which became tensor rows. */
  private static final class Slot {
    final ImageBatch batch;
    final String[] ids;
    final String[] labels;
    final byte[][] data;
    final int[] lengths;
    final RejectedImageException[] rejects;
    int size;

    Slot(ModelDescriptor d, int capacity) {
      batch = new ImageBatch(d, capacity);
      ids = new String[capacity];
      labels = new String[capacity];
      data = new byte[capacity][];
      lengths = new int[capacity];
      rejects = new RejectedImageException[capacity];
    }

    void add(String id, String label, byte[] bytes, int length) {
      if (data[size] == null || data[size].length < length) {
        data[size] = new byte[Math.max(length, 1 << 15)];
      }
      System.arraycopy(bytes, 0, data[size], 0, length);
      ids[size] = id;
      labels[size] = label;
      lengths[size] = length;
      size++;
    }

    int size() {
      return size;
    }

    boolean isFull() {
      return size == ids.length;
    }

    void prepare(ImagePreprocessor preprocessor) {
      int rows = 0;
      for (int i = 0; i < size; i++) {
        try {
          preprocessor.prepare(data[i], lengths[i], batch, rows);
          rejects[i] = null;
          rows++;
        } catch (RejectedImageException e) {
          rejects[i] = e;
        }
      }
      batch.setCount(rows);
    }

    void deliver(float[][] vectors, Sink sink) throws IOException, InterruptedException {
      int row = 0;
      for (int i = 0; i < size; i++) {
        if (rejects[i] == null) {
          sink.vector(ids[i], labels[i], vectors[row++]);
        } else {
          sink.reject(ids[i], labels[i], rejects[i].reason(), rejects[i].getMessage());
        }
      }
    }

    void clear() {
      size = 0;
      batch.setCount(0);
      java.util.Arrays.fill(rejects, null);
    }
  }
}
