package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The run report ({@code OUT/reports/index.html}) of a real run with its classifier, opened from
 * disk in headless Chromium with no server and no network: its sections, charts and numbers are
 * read from the rendered page and checked against the run's own files. The screenshot is kept in
 * {@code target/screenshots/run-report.png}.
 */
class RunReportInBrowserIT {
  @TempDir Path tmp;

  @Test
  void theReportShowsTheRunsNumbersAndCharts() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PageInBrowserIT.CHROMIUM) && Files.isExecutable(PageInBrowserIT.CHROMEDRIVER),
        "SKIPPED: needs Debian's chromium and chromium-driver (scripts/test installs them)");
    Path run = TrainedRun.get();
    Path report = run.resolve("reports/index.html");
    assertTrue(Files.isRegularFile(report), "written by fruits run and again by classify: " + report);
    String html = Files.readString(report);
    assertTrue(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "self-contained, no script");

    ChromeDriver browser = PageInBrowserIT.start(tmp, 1000, 3200);
    try {
      browser.get(report.toUri().toString());
      List<String> sections = browser.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
      assertEquals(List.of("Model and settings", "Stage times", "Feature job counters", "Rejects", "Principal components", "PC1 and PC2",
          "Classifier"), sections);
      assertEquals(6, browser.findElements(By.cssSelector("svg.bars .bar")).size(), "one bar per stage: pack .. export");
      int k = Files.readAllLines(run.resolve("pca.csv")).get(0).split(",").length - 2;
      assertTrue(browser.findElement(By.cssSelector("svg.scree")).getText().contains("k = " + k), "the chosen k marked");
      assertEquals(TrainedRun.CLASSES, browser.findElements(By.cssSelector("svg.scatter .legend")).size(), "every class drawn has a legend entry");
      assertEquals(TrainedRun.CLASSES * 25, browser.findElements(By.cssSelector("svg.scatter .point")).size(), "20 Training + 5 Test per class");
      String classifier = browser.findElement(By.tagName("pre")).getText();
      String expected = Files.readAllLines(run.resolve("reports/classifier.md")).get(2);
      assertTrue(classifier.contains(expected), "the classifier's accuracy line: " + classifier);
      Path shot = Files.createDirectories(Paths.get("target/screenshots")).resolve("run-report.png");
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }
}
