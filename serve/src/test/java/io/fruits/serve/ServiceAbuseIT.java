package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.ImageDecoder;
import io.fruits.features.ManyScanJpeg;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an attacker or a bad network meets it: malformed multipart is a 400 with JSON
 * and no internals, a JPEG built to take minutes to decode a 413, every answer carries the security headers, slow uploads are cut off while
 * normal photos are still answered, and HTTPS works with a PKCS12 keystore.
 */
class ServiceAbuseIT {
  static FruitPredictor predictor;
  static FruitService service;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    predictor = FruitPredictor.open(TrainedRun.get(), TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2);
    service = new FruitService(predictor, ServiceLimits.DEFAULTS, "127.0.0.1", null, null).start(0);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
      predictor.close();
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  private static HttpResponse<String> raw(String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/predict")).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertCleanError(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
    assertTrue(FruitServiceIT.json(r.body()).has("error"), r.body());
    for (String internal : new String[] {"Exception", "java.", "org.", "jetty", "/tmp", "/work", "\tat "}) {
      assertFalse(r.body().contains(internal), "internal detail '" + internal + "' in " + r.body());
    }
  }

  @Test
  void malformedMultipartIsABadRequest() throws Exception {
    assertCleanError(raw("multipart/form-data", "x".getBytes(StandardCharsets.UTF_8)), 400); // no boundary
    assertCleanError(raw("multipart/form-data; boundary=zzz", "\u0000\u0001garbage--zzz".getBytes(StandardCharsets.UTF_8)), 400);
    assertCleanError(raw("text/plain; hint=multipart/form-data", "x".getBytes(StandardCharsets.UTF_8)), 400);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1100; i++) {
      many.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
    }
    many.append("--b--\r\n");
    assertCleanError(raw("multipart/form-data; boundary=b", many.toString().getBytes(StandardCharsets.UTF_8)), 400);
    assertCleanError(http.send(HttpRequest.newBuilder(uri("/nowhere")).build(), HttpResponse.BodyHandlers.ofString()), 404);
  }

  @Test
  void aWrongMethodIsNotAllowedAndSaysWhatIs() throws Exception {
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("/predict")).build(), HttpResponse.BodyHandlers.ofString());
    assertCleanError(get, 405);
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""), get.headers().toString());
    HttpResponse<String> delete = http.send(HttpRequest.newBuilder(uri("/")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertCleanError(delete, 405);
    assertTrue(delete.headers().firstValue("Allow").orElse("").startsWith("GET"), delete.headers().toString());
  }

  /** Jetty refuses these before Javalin sees them; the answer is still JSON with the headers. */
  @Test
  void aRequestJettyCannotParseIsAJsonBadRequest() throws Exception {
    for (String request : new String[] {"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"}) {
      try (Socket s = new Socket("127.0.0.1", service.port())) {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String status = answer.substring(0, answer.indexOf('\r'));
        assertTrue(status.equals("HTTP/1.1 400 Bad Request") || status.equals("HTTP/1.1 431 Request Header Fields Too Large"), answer);
        assertTrue(answer.contains("\r\nContent-Type: application/json\r\n"), answer);
        assertTrue(answer.contains("\r\nX-Content-Type-Options: nosniff\r\n"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(FruitServiceIT.json(body).has("error"), body);
        for (String internal : new String[] {"etc/passwd", "<h1>", "jetty", "Exception"}) {
          assertFalse(body.contains(internal), "'" + internal + "' in " + body);
        }
      }
    }
  }

  /** 57 KB that would hold a core for half a minute: refused from its markers, before decoding. */
  @Test
  void aJpegOfThousandsOfScansIsRefusedBeforeItIsDecoded() throws Exception {
    HttpResponse<String> storm = FruitServiceIT.post(http, uri("/predict"), "storm.jpg", ManyScanJpeg.write(1600, 63, 14));
    assertCleanError(storm, 413);
    assertTrue(storm.body().contains("2647 passes"), storm.body());
  }

  /** Jetty's own failure there was "IllegalStateException: STOPPED" and a stack trace. */
  @Test
  void aPortInUseIsOneLineAndLeavesNoSpool() throws Exception {
    FruitService second = new FruitService(predictor, ServiceLimits.DEFAULTS, "127.0.0.1", null, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> second.start(service.port()));
    assertEquals("port " + service.port() + " on 127.0.0.1 is taken by another program; give --port another, or 0 for any free one", e.getMessage());
    assertFalse(Files.exists(second.spool()), "the failed service's upload spool is removed");
    assertEquals(200, http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "the first serves on");
  }

  @Test
  void headGivesTheHeadersOfGet() throws Exception {
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
    assertEquals(get.headers().firstValue("Content-Security-Policy"), head.headers().firstValue("Content-Security-Policy"));
    assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length), head.headers().firstValue("Content-Length").orElse(""));
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    List<HttpResponse<String>> answers = List.of(
        http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString()),
        raw("multipart/form-data", new byte[1]),
        FruitServiceIT.post(http, uri("/predict"), "a.jpg", Files.readAllBytes(FruitServiceIT.firstTestPhoto())));
    for (HttpResponse<String> r : answers) {
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"), csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
      assertFalse(r.headers().firstValue("Server").isPresent(), "no server version: " + r.headers());
    }
  }

  @Test
  void slowUploadsAreCutOffWhileNormalPhotosAreAnswered() throws Exception {
    int clients = 200;
    List<Socket> slow = new ArrayList<>();
    byte[] kilobyte = new byte[1024];
    for (int i = 0; i < clients; i++) {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", service.port()), 5_000);
      s.setSoTimeout(2_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\n"
          + "Content-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"slow.jpg\"\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      slow.add(s);
    }
    // 1 KB/s each, for at most 10 s, on a thread of its own; bounded in count and time.
    Thread trickle = new Thread(() -> {
      for (int second = 0; second < 10; second++) {
        for (Socket s : slow) {
          try {
            s.getOutputStream().write(kilobyte);
          } catch (Exception e) {
            // cut off by the service: what this test wants
          }
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    trickle.start();
    byte[] photo = Files.readAllBytes(FruitServiceIT.firstTestPhoto());
    HttpClient patient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = patient.send(FruitServiceIT.upload(uri("/predict"), "ok.jpg", photo), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(System.nanoTime() - start < 15_000_000_000L, "a normal photo waited " + (System.nanoTime() - start) / 1e9 + " s");
      Thread.sleep(500);
    }
    trickle.join();
    int cutOff = 0;
    for (Socket s : slow) {
      try (s; InputStream in = s.getInputStream()) {
        String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        cutOff += head.equals("HTTP/1.1 408") ? 1 : 0;
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // no answer: counted as not cut off
      }
    }
    assertEquals(clients, cutOff, "slow uploads answered 408 and closed");
  }

  @Test
  void aClientThatLeavesWhileItsPhotoWaitsCostsNoComputation() throws Exception {
    PredictionQueue queue = new PredictionQueue(4);
    try (FruitService quiet = new FruitService(predictor, ServiceLimits.DEFAULTS, queue, "127.0.0.1", null, null).start(0)) {
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      Thread busy = holdBusy(queue, release);
      byte[] photo = Files.readAllBytes(FruitServiceIT.firstTestPhoto());
      String head = "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n";
      String tail = "\r\n--b--\r\n";
      try (Socket s = new Socket("127.0.0.1", quiet.port())) {
        OutputStream out = s.getOutputStream();
        out.write(("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: "
            + (head.length() + photo.length + tail.length()) + "\r\n\r\n" + head).getBytes(StandardCharsets.ISO_8859_1));
        out.write(photo);
        out.write(tail.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Thread.sleep(1000); // the upload is read and the photo waits for the model
      } // the client leaves
      Thread.sleep(500);
      release.countDown();
      busy.join();
      long until = System.nanoTime() + 10_000_000_000L;
      while (quiet.skippedForGoneClients() == 0 && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertEquals(1, quiet.skippedForGoneClients(), "the photo of a client that left was not computed");
      HttpResponse<String> after = FruitServiceIT.post(http, URI.create("http://127.0.0.1:" + quiet.port() + "/predict"), "b.jpg", photo);
      assertEquals(200, after.statusCode(), "a client that stays is still answered: " + after.body());
    }
  }

  /**
   * Photos are decoded outside the model's lock: while the model is held busy, a damaged photo is
   * answered 422, a photo over the pixel limit 413 and a good one is decoded, at once (checked to
   * fail when the decode ran under the lock: each waited for the model and got 503 at its deadline).
   */
  @Test
  void photosAreDecodedWhileTheModelIsBusy() throws Exception {
    PredictionQueue queue = new PredictionQueue(4);
    ServiceLimits limits = new ServiceLimits(ServiceLimits.DEFAULTS.maxBytes(), ServiceLimits.DEFAULTS.maxPixels(),
        ServiceLimits.DEFAULTS.queue(), Duration.ofSeconds(8), ServiceLimits.DEFAULTS.minUploadRate(), ServiceLimits.DEFAULTS.threads());
    try (FruitService decoding = new FruitService(predictor, limits, queue, "127.0.0.1", null, null).start(0)) {
      URI predict = URI.create("http://127.0.0.1:" + decoding.port() + "/predict");
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      Thread busy = holdBusy(queue, release);
      byte[] jpg = Files.readAllBytes(FruitServiceIT.firstTestPhoto());
      var good = http.sendAsync(FruitServiceIT.upload(predict, "a.jpg", jpg), HttpResponse.BodyHandlers.ofString());
      try {
        long start = System.nanoTime();
        assertCleanError(FruitServiceIT.post(http, predict, "cut.jpg", java.util.Arrays.copyOf(jpg, jpg.length / 3)), 422);
        assertCleanError(FruitServiceIT.post(http, predict, "bomb.png", io.fruits.features.TestImages.pngHeader(30_000, 30_000)), 413);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 4, "answered in " + seconds + " s, while the model was busy");
        assertFalse(good.isDone(), "the good photo still waits for the model");
      } finally {
        release.countDown();
        busy.join();
      }
      HttpResponse<String> answer = good.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), "the photo decoded while it waited is answered once the model is free: " + answer.body());
    }
  }

  /** Holds the model busy, as a long photo would, until {@code release}; returns once it holds it. */
  private static Thread holdBusy(PredictionQueue queue, java.util.concurrent.CountDownLatch release) throws InterruptedException {
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    Thread busy = new Thread(() -> {
      try {
        queue.compute(java.time.Instant.now().plusSeconds(60), () -> false, () -> {
          holding.countDown();
          return release.await(60, java.util.concurrent.TimeUnit.SECONDS);
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    busy.start();
    holding.await();
    return busy;
  }

  /** A stop lets a photo in flight be answered (checked to fail without the graceful stop). */
  @Test
  void closingAnswersThePhotoInFlightFirst() throws Exception {
    PredictionQueue queue = new PredictionQueue(4);
    FruitService stopping = new FruitService(predictor, ServiceLimits.DEFAULTS, queue, "127.0.0.1", null, null).start(0);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread busy = holdBusy(queue, release);
    var answer = http.sendAsync(FruitServiceIT.upload(URI.create("http://127.0.0.1:" + stopping.port() + "/predict"), "a.jpg",
        Files.readAllBytes(FruitServiceIT.firstTestPhoto())), HttpResponse.BodyHandlers.ofString());
    Thread.sleep(1000); // the photo waits for the model
    Thread closer = new Thread(stopping::close);
    closer.start();
    Thread.sleep(500);
    release.countDown();
    busy.join();
    HttpResponse<String> r = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r.body());
    closer.join();
    assertFalse(Files.exists(stopping.spool()), "the spool is removed once the photo was answered");
  }

  /**
   * Each service spools large uploads into its own folder and removes it when closed; checked to
   * fail when the spool was set through Javalin's multipart config, a static shared by every
   * service of the JVM (the upload below went into the closed service's folder and re-created it).
   */
  @Test
  void aClosedServiceLeavesNoSpoolBehindWhileAnotherServes() throws Exception {
    byte[] spooled = ServiceUnderLoadIT.noisePng(400);
    assertTrue(spooled.length > 256 * 1024, "large enough to be spooled to disk: " + spooled.length);
    Path closedSpool;
    try (FruitService other = new FruitService(predictor, ServiceLimits.DEFAULTS, "127.0.0.1", null, null).start(0)) {
      closedSpool = other.spool();
    }
    assertFalse(Files.exists(closedSpool), "removed on close");
    HttpResponse<String> r = FruitServiceIT.post(http, uri("/predict"), "noise.png", spooled);
    assertEquals(200, r.statusCode(), r.body());
    assertFalse(Files.exists(closedSpool), "another service's upload did not re-create it");
  }

  @Test
  void httpsWithAPkcs12Keystore() throws Exception {
    Path keystore = tmp.resolve("service.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-alias", "fruits", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "secret-pass", "-keypass", "secret-pass").redirectErrorStream(true).start();
    String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), said);
    Connectors.checkKeystore(keystore, "secret-pass");
    try (FruitService https = new FruitService(predictor, ServiceLimits.DEFAULTS, "127.0.0.1", keystore, "secret-pass").start(0)) {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        trusted.load(in, "secret-pass".toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
      URI target = URI.create("https://127.0.0.1:" + https.port() + "/predict");
      HttpResponse<String> r = FruitServiceIT.post(client, target, "a.jpg", Files.readAllBytes(FruitServiceIT.firstTestPhoto()));
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Strict-Transport-Security").isPresent(), r.headers().toString());
      assertThrowsIo(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + https.port() + "/")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
  }

  private static void assertThrowsIo(org.junit.jupiter.api.function.Executable plain) {
    org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, plain, "plain HTTP to the TLS port is refused");
  }
}
