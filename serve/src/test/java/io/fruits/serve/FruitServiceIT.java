package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.ImageDecoder;
import io.fruits.features.SharedData;
import io.fruits.features.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web service over a real run, through a real HTTP client: photos in, JSON out; wrong
 * uploads get the 4xx that says what is wrong; the model is loaded once for all requests.
 */
class FruitServiceIT {
  static final long MAX_BYTES = 512 * 1024;
  static FruitPredictor predictor;
  static FruitService service;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    predictor = FruitPredictor.open(TrainedRun.get(), TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2);
    service = new FruitService(predictor, MAX_BYTES).start(0);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
      predictor.close();
    }
  }

  @Test
  void testPhotosAreRecognised() throws Exception {
    int right = 0;
    int all = 0;
    try (Stream<Path> classes = Files.list(TrainedRun.testImages())) {
      for (Path folder : classes.sorted().toList()) {
        try (Stream<Path> photos = Files.list(folder)) {
          for (Path photo : photos.sorted().toList()) {
            HttpResponse<String> r = post(photo.getFileName().toString(), Files.readAllBytes(photo));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(3, json(r.body()).getAsJsonArray("top").size(), r.body());
            right += firstClass(r.body()).equals(folder.getFileName().toString()) ? 1 : 0;
            all++;
          }
        }
      }
    }
    assertEquals(TrainedRun.CLASSES * 5, all);
    assertTrue(right >= 0.9 * all, right + " of " + all + " Test photos recognised over HTTP");
  }

  @Test
  void aLargeOriginalPhotoIsResizedAndAnswered() throws Exception {
    Path big = SharedData.require().resolve("data/fruits-360-original-size/Training");
    Path photo;
    try (Stream<Path> files = Files.walk(big)) {
      photo = files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".jpg"))
          .filter(p -> p.toFile().length() < MAX_BYTES).max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
    HttpResponse<String> r = post(photo.getFileName().toString(), Files.readAllBytes(photo));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(json(r.body()).getAsJsonArray("top").get(0).getAsJsonObject().get("probability").getAsDouble() > 0, r.body());
  }

  @Test
  void wrongUploadsGetAClear4xx() throws Exception {
    HttpResponse<String> tooBig = post("big.jpg", new byte[(int) MAX_BYTES + 1]);
    assertEquals(413, tooBig.statusCode(), tooBig.body());
    assertEquals("too-large", reason(tooBig.body()), tooBig.body());

    HttpResponse<String> bomb = post("bomb.png", TestImages.pngHeader(30_000, 30_000));
    assertEquals(413, bomb.statusCode(), bomb.body());
    assertEquals("too-large", reason(bomb.body()), bomb.body());

    HttpResponse<String> text = post("notes.jpg", "not a picture".getBytes(StandardCharsets.UTF_8));
    assertEquals(415, text.statusCode(), text.body());
    assertEquals("not-an-image", reason(text.body()), text.body());

    byte[] jpg = Files.readAllBytes(firstTestPhoto());
    HttpResponse<String> truncated = post("cut.jpg", java.util.Arrays.copyOf(jpg, jpg.length / 3));
    assertEquals(422, truncated.statusCode(), truncated.body());

    // A GIF header with no frame made the JDK's reader throw outside the decoder's catch: a 500.
    byte[] frameless = {'G', 'I', 'F', '8', '9', 'a', 10, 0, 10, 0, 0, 0, 0, ';'};
    HttpResponse<String> gif = post("frameless.gif", frameless);
    assertEquals(422, gif.statusCode(), gif.body());
    assertEquals("corrupt", reason(gif.body()), gif.body());
    assertTrue(!gif.body().contains("Exception"), gif.body());

    HttpResponse<String> noField = http.send(HttpRequest.newBuilder(uri("/predict")).POST(HttpRequest.BodyPublishers.ofString("x"))
        .header("Content-Type", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, noField.statusCode(), noField.body());
  }

  @Test
  void aPortraitShotStoredSidewaysIsSeenUpright() throws Exception {
    // What a phone writes for a portrait shot: the pixels lying on their side and an EXIF tag (6)
    // saying "row 0 is the right side, column 0 the top". Upright: red above, blue below.
    int w = 60;
    int h = 90;
    BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < w; r++) {
      for (int c = 0; c < h; c++) {
        stored.setRGB(c, r, c < h / 2 ? 0xd02020 : 0x2040d0); // stored column c is the upright row c
      }
    }
    HttpResponse<String> r = post("portrait.jpg", TestImages.withExifOrientation(TestImages.encode(stored, "jpg"), 6));
    assertEquals(200, r.statusCode(), r.body());
    String dataUri = json(r.body()).get("model_input").getAsString();
    BufferedImage seen = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
    int right = seen.getWidth() - 1;
    int bottom = seen.getHeight() - 1;
    // Stored as it lies, the photo would be red on the left and blue on the right.
    assertTrue(reddish(seen.getRGB(right, 0)), "top right is red: " + Integer.toHexString(seen.getRGB(right, 0)));
    assertTrue(!reddish(seen.getRGB(0, bottom)), "bottom left is blue: " + Integer.toHexString(seen.getRGB(0, bottom)));
  }

  private static boolean reddish(int rgb) {
    return (rgb >> 16 & 0xff) > 150 && (rgb & 0xff) < 100;
  }

  @Test
  void thePageOffersTheCamera() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("<input id=\"photo\" type=\"file\" accept=\"image/*\" capture=\"environment\">"), r.body());
  }

  static Path firstTestPhoto() throws Exception {
    try (Stream<Path> files = Files.walk(TrainedRun.testImages())) {
      return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
  }

  static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  /** A multipart/form-data upload of {@code bytes} in the field the service reads. */
  static HttpResponse<String> post(String filename, byte[] bytes) throws Exception {
    return post(http, uri("/predict"), filename, bytes);
  }

  static HttpResponse<String> post(HttpClient client, URI target, String filename, byte[] bytes) throws Exception {
    return client.send(upload(target, filename, bytes), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest upload(URI target, String filename, byte[] bytes) throws java.io.IOException {
    String boundary = "----fruits" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + FruitService.FIELD + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(target)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  /** An answer or error line, parsed. */
  static com.google.gson.JsonObject json(String line) {
    return com.google.gson.JsonParser.parseString(line).getAsJsonObject();
  }

  static String firstClass(String answer) {
    return json(answer).getAsJsonArray("top").get(0).getAsJsonObject().get("class").getAsString();
  }

  static String reason(String error) {
    return json(error).get("reason").getAsString();
  }
}
