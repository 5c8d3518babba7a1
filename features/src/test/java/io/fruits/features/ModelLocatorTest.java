package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path of model weights, against a real HTTP server on loopback. */
class ModelLocatorTest {
  private static final byte[] WEIGHTS = "pretend these are 59 MB of VGG16 weights".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/models/vgg16-notop.onnx", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, WEIGHTS.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(WEIGHTS);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ModelDescriptor vgg(String url, String sha) {
    return ModelDescriptor.of(Map.of("model.preset", "vgg16", "model.url", url, "model.sha256", sha,
        "model.cache.dir", tmp.resolve("cache").toString()));
  }

  @Test
  void downloadsOnceVerifiesAndCaches() throws Exception {
    String sha = Sha256.of(WEIGHTS, WEIGHTS.length);
    ModelLocator locator = new ModelLocator();
    Path file = locator.locate(vgg(base + "/models/vgg16-notop.onnx", sha));
    assertEquals(tmp.resolve("cache").resolve("vgg16-notop.onnx"), file);
    assertArrayEquals(WEIGHTS, Files.readAllBytes(file));
    assertEquals(file, locator.locate(vgg(base + "/models/vgg16-notop.onnx", sha)));
    assertEquals(1, requests.get(), "the second call is served from the cache");
  }

  @Test
  void wrongChecksumLeavesNothingInTheCache() throws Exception {
    String wrong = "0".repeat(64);
    IOException e = assertThrows(IOException.class, () -> new ModelLocator().locate(vgg(base + "/models/vgg16-notop.onnx", wrong)));
    assertTrue(e.getMessage().startsWith("checksum mismatch for " + base), e.getMessage());
    try (var files = Files.list(tmp.resolve("cache"))) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void httpErrorsAreReported() {
    IOException e = assertThrows(IOException.class,
        () -> new ModelLocator().locate(vgg(base + "/models/missing.onnx", "0".repeat(64))));
    assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
  }

  @Test
  void noUrlAndNoFileSaysWhatToSet() {
    ModelDescriptor d = ModelDescriptor.of(Map.of("model.preset", "vgg16", "model.cache.dir", tmp.toString()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelLocator().locate(d));
    assertTrue(e.getMessage().startsWith("model file vgg16-notop.onnx is in neither model.dir (unset) nor " + tmp), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void modelDirWinsOverCacheAndChecksumIsChecked() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("models"));
    Files.write(dir.resolve("squeezenet1.1-features.onnx"), WEIGHTS);
    ModelDescriptor d = ModelDescriptor.of(Map.of("model.preset", "squeezenet1.1", "model.dir", dir.toString()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelLocator().locate(d));
    assertTrue(e.getMessage().contains("not the expected 677c1b07"), e.getMessage());
  }

  @Test
  void explicitPathMustExist() {
    ModelDescriptor d = ModelDescriptor.of(Map.of("model.path", tmp.resolve("nope.onnx").toString()));
    assertEquals("model file " + tmp.resolve("nope.onnx") + " does not exist; check -Dmodel.path",
        assertThrows(IllegalArgumentException.class, () -> new ModelLocator().locate(d)).getMessage());
  }
}
