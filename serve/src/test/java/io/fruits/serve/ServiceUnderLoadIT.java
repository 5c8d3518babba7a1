package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import io.fruits.features.TestImages;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A burst against {@code fruits serve} started as users start it, in a JVM of its own with a 1 GB
 * heap: 200 concurrent 9 MB uploads on loopback. Every request is answered 200 or 503 within the
 * deadline, the service never runs out of memory, and it answers a normal photo right after.
 */
class ServiceUnderLoadIT {
  private static final int UPLOADS = 200;
  private static final int DEADLINE_SECONDS = 20;

  @Test
  void aBurstOfLargeUploadsIsAnsweredWithoutExhaustingMemory() throws Exception {
    Path run = TrainedRun.get();
    Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), ServeMain.class.getName(), "--run", run.toString(), "--port", "0",
        "--deadline-seconds", Integer.toString(DEADLINE_SECONDS), "-D", "model.dir=" + SharedData.models())
        .redirectErrorStream(true).start();
    StringBuilder log = new StringBuilder();
    try {
      int port = awaitPort(service, log);
      URI predict = URI.create("http://127.0.0.1:" + port + "/predict");
      byte[] nineMegabytes = noisePng(1750);
      assertTrue(nineMegabytes.length > 9_000_000 && nineMegabytes.length < 10_000_000, nineMegabytes.length + " bytes");
      HttpRequest big = FruitServiceIT.upload(predict, "big.png", nineMegabytes);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();

      List<CompletableFuture<long[]>> answers = new ArrayList<>();
      for (int i = 0; i < UPLOADS; i++) {
        long start = System.nanoTime();
        answers.add(client.sendAsync(big, HttpResponse.BodyHandlers.ofString())
            .orTimeout(DEADLINE_SECONDS + 60, java.util.concurrent.TimeUnit.SECONDS)
            .thenApply(r -> new long[] {r.statusCode(), System.nanoTime() - start}));
      }
      Map<Long, Integer> byStatus = new TreeMap<>();
      long slowest = 0;
      for (CompletableFuture<long[]> a : answers) {
        long[] r = a.get();
        byStatus.merge(r[0], 1, Integer::sum);
        slowest = Math.max(slowest, r[1]);
      }
      System.err.printf("[ServiceUnderLoadIT] %d uploads of %d bytes: %s, slowest %.1f s%n", UPLOADS, nineMegabytes.length, byStatus, slowest / 1e9);
      assertEquals(UPLOADS, byStatus.getOrDefault(200L, 0) + byStatus.getOrDefault(503L, 0), "only 200 and 503: " + byStatus);
      assertTrue(byStatus.getOrDefault(200L, 0) > 0, "some were computed: " + byStatus);
      assertTrue(slowest < DEADLINE_SECONDS * 1_000_000_000L, "slowest answer " + slowest / 1e9 + " s");

      HttpResponse<String> normal = FruitServiceIT.post(client, predict, "a.jpg", Files.readAllBytes(FruitServiceIT.firstTestPhoto()));
      assertEquals(200, normal.statusCode(), normal.body());
      assertTrue(service.isAlive(), "the service is still up");
    } finally {
      service.destroy();
      service.waitFor();
      drain(service, log);
    }
    assertFalse(log.toString().contains("OutOfMemoryError"), log.toString());
  }

  /** The port from the line {@code [fruits] serving http://127.0.0.1:PORT/}. */
  static int awaitPort(Process service, StringBuilder log) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
    Pattern serving = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/");
    long until = System.nanoTime() + 120_000_000_000L;
    for (String line; System.nanoTime() < until && (line = r.readLine()) != null; ) {
      log.append(line).append('\n');
      Matcher m = serving.matcher(line);
      if (m.find()) {
        // Keep reading its output, so the service never blocks on a full pipe.
        Thread drainer = new Thread(() -> r.lines().forEach(l -> {
          synchronized (log) {
            log.append(l).append('\n');
          }
        }));
        drainer.setDaemon(true);
        drainer.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the service did not start: " + log);
  }

  private static void drain(Process service, StringBuilder log) {
    synchronized (log) {
      System.err.print(log.length() > 20_000 ? log.substring(log.length() - 20_000) : log);
    }
  }

  /** A PNG of random pixels: it does not compress, so {@code side}² pixels make about 3·side² bytes. */
  static byte[] noisePng(int side) throws Exception {
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        img.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return TestImages.encode(img, "png");
  }
}
