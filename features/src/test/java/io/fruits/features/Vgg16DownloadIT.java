package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vgg16 preset end to end through its real loading path: the weights are downloaded by URL
 * from a local HTTP server, checked against their SHA-256, cached, loaded by DJL, and yield 512
 * values per image. The served file is the VGG16 graph with random weights (the real ones cannot
 * be fetched here), so only shapes and plumbing are checked, not meaning.
 */
class Vgg16DownloadIT {
  @TempDir Path cache;

  @Test
  void vgg16PresetDownloadsAndYields512Values() throws Exception {
    Path onnx = SharedData.models().resolve("vgg16-random-notop.onnx");
    AtomicInteger served = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/weights/vgg16-notop.onnx", exchange -> {
      served.incrementAndGet();
      exchange.sendResponseHeaders(200, Files.size(onnx));
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(onnx, out);
      }
    });
    server.start();
    try {
      ModelDescriptor d = ModelDescriptor.of(Map.of(
          "model.preset", "vgg16",
          "model.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/weights/vgg16-notop.onnx",
          "model.sha256", SharedData.sha256Of("vgg16-random-notop.onnx"),
          "model.cache.dir", cache.toString()));
      Path file = new ModelLocator().locate(d);
      assertEquals(cache.resolve("vgg16-notop.onnx"), file);
      List<float[]> vectors = new ArrayList<>();
      try (FeatureExtractor extractor = FeatureExtractor.open(d, file, 2);
          FeatureBatcher batcher = new FeatureBatcher(extractor, 2, ImageDecoder.DEFAULT_MAX_PIXELS,
              SqueezeNetParityIT.collect(vectors, new ArrayList<>()))) {
        assertEquals(512, extractor.dimension());
        for (String name : List.of("kitten_224.png", "finch.jpeg")) {
          byte[] bytes = Files.readAllBytes(SharedData.models().resolve("testdata").resolve(name));
          batcher.add(name, "", bytes, bytes.length);
        }
        batcher.flush();
      }
      assertEquals(2, vectors.size());
      assertEquals(512, vectors.get(0).length);
      assertTrue(!java.util.Arrays.equals(vectors.get(0), vectors.get(1)), "different images, different vectors");
      new ModelLocator().locate(d);
      assertEquals(1, served.get(), "the second lookup is served from the cache");
    } finally {
      server.stop(0);
    }
  }
}
