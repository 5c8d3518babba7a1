package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.ImageDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a phone sees it: headless Chromium (412 x 915), driven by Selenium WebDriver through
 * Debian's chromedriver (the same Chromium release, so no driver is downloaded), opens it; a Test
 * photo is put into the camera input as if just taken, and the page must show the three guesses
 * with the right fruit first. The screenshot is kept in {@code target/screenshots/predict-page.png}.
 */
class PageInBrowserIT {
  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

  @TempDir Path tmp;

  @Test
  void aPhotoPutInThePageShowsItsFruit() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "SKIPPED: needs Debian's chromium and chromium-driver (scripts/test installs them)");
    Path photo = FruitServiceIT.firstTestPhoto();
    String expected = photo.getParent().getFileName().toString();
    try (FruitPredictor predictor = FruitPredictor.open(TrainedRun.get(), TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2);
        FruitService service = new FruitService(predictor, 10 << 20).start(0)) {
      ChromeDriver browser = start(tmp, 412, 915);
      try {
        browser.get("http://127.0.0.1:" + service.port() + "/");
        browser.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElements(By.cssSelector(".guess")).size() == 3);
        String first = browser.findElement(By.cssSelector(".guess.first")).getText();
        Path shot = Files.createDirectories(Paths.get("target/screenshots")).resolve("predict-page.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        String name = io.fruits.classifier.FruitCatalogue.load().entry(expected).displayName();
        assertTrue(first.contains(name), "first guess shown: " + first + ", expected " + name);
        assertTrue(Files.size(shot) > 10_000, "screenshot written: " + shot.toAbsolutePath());
      } finally {
        browser.quit();
      }
    }
  }

  @Test
  void aRealPhotoShowsWhatTheModelSawAndAKittenIsNotSure() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "SKIPPED: needs Debian's chromium and chromium-driver (scripts/test installs them)");
    Path real = io.fruits.mapreduce.ImageTrees.firstFile(io.fruits.features.SharedData.require().resolve("data/real-photos/dev/Banana"));
    Path kitten = io.fruits.features.SharedData.models().resolve("testdata/kitten_224.png");
    try (FruitPredictor predictor = FruitPredictor.open(SureRun.get(), TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2);
        FruitService service = new FruitService(predictor, 10 << 20).start(0)) {
      ChromeDriver browser = start(tmp, 412, 915);
      try {
        browser.get("http://127.0.0.1:" + service.port() + "/");
        browser.findElement(By.id("photo")).sendKeys(real.toAbsolutePath().toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> b.findElements(By.cssSelector(".guess")).size() == 3);
        assertTrue(browser.findElement(By.id("seen-box")).isDisplayed(), "the model's view of the photo is shown");
        Object width = browser.executeScript("return document.getElementById('seen').naturalWidth;");
        assertTrue(((Number) width).intValue() == 224, "the model's input, 224 wide: " + width);
        String card = browser.findElements(By.cssSelector(".guess")).get(0).getText();
        assertTrue(card.contains("Family: ") && card.contains("variety: "), "family and variety shown: " + card);
        Files.write(Files.createDirectories(Paths.get("target/screenshots")).resolve("predict-page-real-photo.png"),
            browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("photo")).sendKeys(kitten.toAbsolutePath().toString());
        wait.until(b -> b.findElement(By.id("unsure")).isDisplayed() && b.findElements(By.cssSelector(".guess")).size() == 3);
        assertTrue(browser.findElement(By.id("unsure")).getText().startsWith("Not sure"), browser.findElement(By.id("unsure")).getText());
        assertTrue(browser.findElements(By.cssSelector(".guess.first")).isEmpty(), "no guess is shown as the answer");
        Files.write(Paths.get("target/screenshots").resolve("predict-page-not-sure.png"), browser.getScreenshotAs(OutputType.BYTES));
      } finally {
        browser.quit();
      }
    }
  }

  /** Headless Chromium of {@code width} x {@code height} through Debian's chromedriver; {@code tmp} holds its profile and log. */
  static ChromeDriver start(Path tmp, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=" + width + "," + height,
        "--user-data-dir=" + tmp.resolve("profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withLogFile(tmp.resolve("chromedriver.log").toFile()).build();
    return new ChromeDriver(service, options);
  }
}
