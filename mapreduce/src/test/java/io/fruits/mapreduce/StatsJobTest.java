package io.fruits.mapreduce;

import io.fruits.core.FruitsConfigKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.ImageId;
import io.fruits.reduction.CovarianceAccumulator;
import io.fruits.reduction.Moments;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats job in the local job runner on synthetic vectors: its moments are bit for bit those
 * of an independent, sequential computation with the same chunks, however the input is split.
 */
class StatsJobTest {
  private static final int N = 700;
  private static final int D = 6;
  private static final int CHUNK = 16;

  @TempDir java.nio.file.Path tmp;

  private static String id(int i) {
    return String.format("class%d/img%04d.jpg", i % 7, i);
  }

  private static float[] vector(Random r) {
    float[] v = new float[D];
    for (int j = 0; j < D; j++) {
      v[j] = (float) Math.max(0, 50 + 3 * r.nextGaussian() * (j + 1));
    }
    return v;
  }

  private Path write(String name, int files) throws Exception {
    java.util.TreeMap<String, float[]> all = new java.util.TreeMap<>(io.fruits.core.ImageId.BYTE_ORDER);
    Random r = new Random(5);
    for (int i = 0; i < N; i++) {
      all.put(id(i), vector(r));
    }
    return VectorFiles.write(new Path(tmp.resolve(name).toUri()), all, files);
  }

  private Moments runJob(Path features, String out) throws Exception {
    Configuration conf = new Configuration();
    conf.setInt(FruitsConfigKeys.STATS_CHUNK.key(), CHUNK);
    conf.setInt("mapreduce.local.map.tasks.maximum", 2);
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    // Submitted here, not through JobRunner: the local runner's files go to this test's folder, not /tmp/hadoop.
    conf.set("hadoop.tmp.dir", tmp.resolve("hadoop").toString());
    conf.set(JobRunner.STAGING_ROOT, tmp.resolve("staging").toString());
    Path stats = new Path(tmp.resolve(out).toUri());
    Job job = StatsJob.create(conf, features, stats);
    assertTrue(job.waitForCompletion(false));
    return StatsJob.read(conf, stats);
  }

  /** The reference: chunks cut where {@link StatsJob#endsChunk} says, in id order, merged in order. */
  private static Moments sequential() {
    java.util.TreeMap<String, float[]> all = new java.util.TreeMap<>(io.fruits.core.ImageId.BYTE_ORDER);
    Random r = new Random(5);
    for (int i = 0; i < N; i++) {
      all.put(id(i), vector(r));
    }
    Moments total = new Moments(D);
    CovarianceAccumulator chunk = new CovarianceAccumulator(D);
    boolean open = false;
    for (var e : all.entrySet()) {
      chunk.add(e.getValue());
      open = true;
      if (StatsJob.endsChunk(e.getKey(), CHUNK)) {
        total.merge(chunk.moments());
        chunk = new CovarianceAccumulator(D);
        open = false;
      }
    }
    if (open) {
      total.merge(chunk.moments());
    }
    return total;
  }

  @Test
  void momentsDoNotDependOnHowTheInputIsSplit() throws Exception {
    Moments expected = sequential();
    for (int files : new int[] {1, 3, 10, 70}) {
      Moments m = runJob(write("f" + files, files), "stats" + files);
      assertEquals(N, m.count());
      assertArrayEquals(expected.mean(), m.mean(), files + " files");
      assertArrayEquals(expected.m2(), m.m2(), files + " files");
    }
  }

  @Test
  void chunksAreNeitherTooRareNorTooCommon() {
    int ends = 0;
    for (int i = 0; i < 16_000; i++) {
      ends += StatsJob.endsChunk(id(i), CHUNK) ? 1 : 0;
    }
    assertTrue(ends > 800 && ends < 1200, ends + " chunk ends in 16000 ids, expected about 1000");
  }
}
