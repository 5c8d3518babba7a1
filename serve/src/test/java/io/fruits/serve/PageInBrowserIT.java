package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.ImageDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as a phone sees it: headless Chromium (412 x 915) opens it, a Test photo is put into
 * the camera input as if just taken, and the page must show the three guesses with the right
 * fruit first. The screenshot is kept in {@code target/screenshots/predict-page.png}.
 */
class PageInBrowserIT {
  @TempDir Path tmp;

  @Test
  void aPhotoPutInThePageShowsItsFruit() throws Exception {
    if (!Files.isExecutable(HeadlessChromium.BINARY)) {
      String why = "SKIPPED: needs Debian's chromium at " + HeadlessChromium.BINARY + " (apt-get install chromium; scripts/test does it)";
      System.err.println(why);
      Assumptions.abort(why);
    }
    Path photo = FruitServiceIT.firstTestPhoto();
    String expected = photo.getParent().getFileName().toString();
    try (FruitPredictor predictor = FruitPredictor.open(TrainedRun.get(), TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2);
        FruitService service = new FruitService(predictor, 10 << 20).start(0);
        HeadlessChromium chromium = HeadlessChromium.start(Files.createDirectories(tmp.resolve("profile")), 412, 915)) {
      chromium.send("Page.enable", "{}");
      chromium.send("Page.navigate", "{\"url\":\"http://127.0.0.1:" + service.port() + "/\"}");
      chromium.waitFor("document.readyState === 'complete' && !!document.getElementById('photo')", 20);
      chromium.send("DOM.getDocument", "{}");
      String input = chromium.send("Runtime.evaluate", "{\"expression\":\"document.getElementById('photo')\"}");
      String objectId = input.replaceAll("(?s).*\"objectId\":\"([^\"]+)\".*", "$1");
      chromium.send("DOM.setFileInputFiles", "{\"files\":[" + Json.string(photo.toString()) + "],\"objectId\":" + Json.string(objectId) + "}");
      chromium.waitFor("document.querySelectorAll('.guess').length === 3", 30);
      String first = chromium.evaluate("document.querySelector('.guess.first').innerText");
      Path shot = Paths.get("target/screenshots/predict-page.png");
      chromium.screenshot(shot);
      String name = io.fruits.classifier.FruitCatalogue.load().entry(expected).displayName();
      assertTrue(first.contains(name), "first guess shown: " + first + ", expected " + name);
      assertTrue(Files.size(shot) > 10_000, "screenshot written: " + shot.toAbsolutePath());
    }
  }
}
