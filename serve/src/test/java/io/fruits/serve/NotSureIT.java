package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.fruits.classifier.CalibratedClassifier;
import io.fruits.classifier.ClassifyMain;
import io.fruits.classifier.FruitCatalogue;
import io.fruits.classifier.LabelledVector;
import io.fruits.classifier.StandardFeatures;
import io.fruits.core.RunFiles;
import io.fruits.features.ColourHistogram;
import io.fruits.features.ImageDecoder;
import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Not sure" as an answer, on a run trained as the demo trains (real photos, the ImageNet check):
 * photos with no fruit (the kitten and the house finch of the shared model test data) must be
 * answered not sure, while the run's fruit Test images must still be named, sure and right. The
 * page's answer also carries the image as the model saw it.
 */
class NotSureIT {
  static FruitPredictor predictor;

  @BeforeAll
  static void open() throws Exception {
    predictor = FruitPredictor.open(SureRun.get(), TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2);
  }

  @AfterAll
  static void close() {
    if (predictor != null) {
      predictor.close();
    }
  }

  @Test
  void photosWithoutFruitAreAnsweredNotSure() throws Exception {
    for (String name : List.of("kitten_224.png", "finch.jpeg")) {
      Path photo = SharedData.models().resolve("testdata").resolve(name);
      JsonObject answer = FruitServiceIT.json(predictor.predict(name, Files.readAllBytes(photo)).json());
      assertFalse(answer.get("sure").getAsBoolean(), answer.toString());
      assertEquals(Answer.NOT_SURE, answer.get("message").getAsString());
      assertEquals(3, answer.getAsJsonArray("top").size(), "the guesses are still listed: " + answer);
    }
  }

  @Test
  void fruitTestImagesAreNamedSureAndRight() throws Exception {
    int sureAndRight = 0;
    int all = 0;
    try (Stream<Path> classes = Files.list(SureRun.testImages())) {
      for (Path folder : classes.sorted().toList()) {
        try (Stream<Path> photos = Files.list(folder)) {
          for (Path photo : photos.sorted().toList()) {
            JsonObject answer = FruitServiceIT.json(predictor.predict(photo.toString(), Files.readAllBytes(photo)).json());
            boolean right = answer.getAsJsonArray("top").get(0).getAsJsonObject().get("class").getAsString()
                .equals(folder.getFileName().toString());
            sureAndRight += answer.get("sure").getAsBoolean() && right ? 1 : 0;
            assertFalse(answer.has("message") && answer.get("sure").getAsBoolean(), "a sure answer has no not-sure message: " + answer);
            all++;
          }
        }
      }
    }
    assertEquals(SureRun.CLASSES.size() * 5, all);
    assertTrue(sureAndRight >= 0.75 * all, sureAndRight + " of " + all + " fruit Test images answered sure and right");
  }

  @Test
  void aPhotoOnWhiteIsAnsweredByTheClassifierTrainedOnFruits360Alone(@TempDir Path tmp) throws Exception {
    // Both classifiers are near 1 on these easy Test images; a softer temperature in the copy's
    // calibration for photos on white makes the one that answered plain to see.
    Path run = tmp.resolve("run");
    ImageTrees.copyTree(SureRun.get(), run);
    Path calibration = run.resolve(RunFiles.STUDIO_CALIBRATION);
    Files.writeString(calibration, Files.readString(calibration).replaceAll("(?m)^temperature=.*$", "temperature=4"));
    CalibratedClassifier studio = CalibratedClassifier.load(run.resolve(RunFiles.STUDIO_CLASSIFIER), calibration, FruitCatalogue.load());
    CalibratedClassifier withPhotos = CalibratedClassifier.load(run.resolve(RunFiles.CLASSIFIER), run.resolve(RunFiles.CALIBRATION),
        FruitCatalogue.load());
    assertEquals(withPhotos.dimension() + ColourHistogram.SIZE, studio.dimension(),
        "the classifier of photos on white takes the colour histogram, the one of real photos the CNN's values alone");
    StandardFeatures features = StandardFeatures.of(run);
    int rows = 0;
    try (FruitPredictor copy = FruitPredictor.open(run, TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2)) {
      // The pipeline's own vector of each Test image, against what the predictor says from the image file.
      for (LabelledVector row : features.read(run)) {
        if (!row.split().equals("Test")) {
          continue;
        }
        Path photo = SureRun.testImages().resolve(row.id().substring("Test/".length()));
        double said = copy.predict(photo.toString(), Files.readAllBytes(photo)).top().get(0).probability();
        assertEquals(studio.judge(row.values(), 1, Double.NaN).top().get(0).probability(), said, 1e-3, row.id());
        double[] cnn = features.forClassifier(row.values(), withPhotos.dimension());
        assertTrue(Math.abs(withPhotos.judge(cnn, 1, Double.NaN).top().get(0).probability() - said) > 0.01, row.id());
        rows++;
      }
    }
    assertEquals(SureRun.CLASSES.size() * 5, rows);
  }

  @Test
  void classifyingAgainWithoutPhotosRemovesTheClassifierForPhotosOnWhite(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    ImageTrees.copyTree(SureRun.get(), run);
    assertTrue(Files.isRegularFile(run.resolve(RunFiles.STUDIO_CLASSIFIER)));
    int code = ClassifyMain.run(new String[] {"--run", run.toString()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    assertEquals(0, code);
    assertFalse(Files.exists(run.resolve(RunFiles.STUDIO_CLASSIFIER)));
    assertFalse(Files.exists(run.resolve(RunFiles.STUDIO_CALIBRATION)));
    assertFalse(Files.exists(run.resolve(RunFiles.FAMILIARITY)), "the photos of an earlier classify judge no answer of this one");
  }

  /**
   * Photos from another world than the shop of the training photos are answered not sure: the
   * camera photos of oranges on a table in real-photos/dev ({@code jfc_}) are unlike every training
   * photo, while the shop's own later photos of the run's four fruits ({@code gsd_}) are like
   * them. The copy's calibration is sure of everything, so that the familiarity check alone decides.
   * This small run (120 photos; 100 Fruits-360 images set the scaler) lets 2 of the 8 camera photos
   * through and 42 of the 48 shop photos; the demo's run lets none of the 43 camera photos through
   * (README, "Real photos").
   */
  @Test
  void photosUnlikeEveryTrainingPhotoAreAnsweredNotSure(@TempDir Path tmp) throws Exception {
    Path dev = SharedData.require().resolve("data/real-photos/dev");
    List<Path> camera = photos(dev.resolve("Orange"), "jfc_");
    List<Path> shop = new java.util.ArrayList<>();
    for (String folder : SureRun.CLASSES.values()) {
      shop.addAll(photos(dev.resolve(folder), "gsd_"));
    }
    assertTrue(camera.size() >= 5 && shop.size() >= 20, camera.size() + " camera and " + shop.size() + " shop photos");
    Path run = tmp.resolve("run");
    ImageTrees.copyTree(SureRun.get(), run);
    Path calibration = run.resolve(RunFiles.CALIBRATION);
    Files.writeString(calibration, Files.readString(calibration).replaceAll("(?m)^threshold=.*$", "threshold=0")
        .replaceAll("(?m)^imagenet\\.produce\\.min=.*$", "imagenet.produce.min=0"));
    try (FruitPredictor checked = FruitPredictor.open(run, TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2)) {
      int strange = sure(checked, camera);
      int familiar = sure(checked, shop);
      assertTrue(strange <= camera.size() / 4, strange + " of " + camera.size() + " camera photos answered sure");
      assertTrue(familiar >= 0.8 * shop.size(), familiar + " of " + shop.size() + " shop photos answered sure");
    }
    Files.delete(run.resolve(RunFiles.FAMILIARITY));
    try (FruitPredictor unchecked = FruitPredictor.open(run, TrainedRun.modelDir(), ImageDecoder.DEFAULT_MAX_PIXELS, 2)) {
      assertEquals(camera.size(), sure(unchecked, camera), "without the check, the copy is sure of every photo");
    }
  }

  private static List<Path> photos(Path folder, String prefix) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  private static int sure(FruitPredictor p, List<Path> photos) throws Exception {
    int sure = 0;
    for (Path photo : photos) {
      sure += p.predict(photo.getFileName().toString(), Files.readAllBytes(photo)).verdict().sure() ? 1 : 0;
    }
    return sure;
  }

  /**
   * With {@code --studio-imagenet}, the ImageNet check of the classifier for photos on white is
   * what 95% of its own Training images reach, not what the shop photos reach; the check of the
   * classifier of real photos is unchanged. Wrong usage is one line.
   */
  @Test
  void theTrainingImagesSetTheImagenetCheckForPhotosOnWhite(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    ImageTrees.copyTree(SureRun.get(), run);
    Path imagenetOfTraining = SureRun.trainingImagenetRun();
    String[] photos = {"--photos", SureRun.root().resolve("photo-run").toString(), "--classes", SureRun.root().resolve("classes.tsv").toString()};
    String imagenetOfPhotos = SureRun.root().resolve("imagenet-run").toString();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ClassifyMain.run(concat(new String[] {"--run", run.toString(), "--imagenet", imagenetOfPhotos, "--studio-imagenet",
        imagenetOfTraining.toString()}, photos), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertEquals(0, code, err.toString());
    double studioMin = produceMin(run.resolve(RunFiles.STUDIO_CALIBRATION));
    assertEquals(produceMin(SureRun.get().resolve(RunFiles.CALIBRATION)), produceMin(run.resolve(RunFiles.CALIBRATION)),
        "the check of the classifier of real photos is the photos' own");
    List<Double> scores = io.fruits.classifier.ImagenetRun.read(imagenetOfTraining).produceScores();
    assertEquals(80, scores.size(), "the 80 Training images");
    long reaching = scores.stream().filter(s -> s >= studioMin).count();
    assertEquals(76, reaching, "76 of the 80 Training images (95%) reach the check for photos on white: " + studioMin + " " + scores);
    assertTrue(scores.contains(studioMin), "the check is one of the Training images' own scores");

    ByteArrayOutputStream usage = new ByteArrayOutputStream();
    assertEquals(2, ClassifyMain.run(concat(new String[] {"--run", run.toString(), "--studio-imagenet", imagenetOfTraining.toString()}, photos),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(usage)));
    assertTrue(usage.toString().contains("--studio-imagenet is the ImageNet run of the Training images"), usage.toString());
    Path otherModel = tmp.resolve("other-model");
    ImageTrees.copyTree(imagenetOfTraining, otherModel);
    Path settings = otherModel.resolve(RunFiles.SETTINGS);
    Files.writeString(settings, Files.readString(settings).replaceAll("(?m)^model\\.sha256=.*$", "model.sha256=0"));
    usage.reset();
    assertEquals(2, ClassifyMain.run(concat(new String[] {"--run", run.toString(), "--imagenet", imagenetOfPhotos, "--studio-imagenet",
        otherModel.toString()}, photos), new PrintStream(new ByteArrayOutputStream()), new PrintStream(usage)));
    assertTrue(usage.toString().contains("made with another model than --imagenet"), usage.toString());
    // The two ImageNet runs swapped: each holds other images than the ones whose threshold it would set.
    usage.reset();
    assertEquals(2, ClassifyMain.run(concat(new String[] {"--run", run.toString(), "--imagenet", imagenetOfTraining.toString(),
        "--studio-imagenet", imagenetOfPhotos}, photos), new PrintStream(new ByteArrayOutputStream()), new PrintStream(usage)));
    String line = usage.toString().strip();
    assertTrue(line.startsWith("fruits classify: --imagenet holds other images than the photo run " + photos[1] + ": 80 of its 80 are"
        + " not among them (e.g. 'Banana 1/") && line.endsWith("'), 120 of their 120 are not in it; run the same folder through the"
        + " ImageNet classifier") && !line.contains("\n"), line);
  }

  private static double produceMin(Path calibration) throws Exception {
    java.util.Properties p = new java.util.Properties();
    try (java.io.Reader r = Files.newBufferedReader(calibration)) {
      p.load(r);
    }
    return Double.parseDouble(p.getProperty("imagenet.produce.min"));
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  @Test
  void thePageAnswerShowsWhatTheModelSaw() throws Exception {
    Path photo = SharedData.models().resolve("testdata/finch.jpeg");
    JsonObject answer = FruitServiceIT.json(predictor.predict("finch.jpeg", Files.readAllBytes(photo)).json(true));
    String url = answer.get("model_input").getAsString();
    assertTrue(url.startsWith("data:image/png;base64,"), url.substring(0, Math.min(40, url.length())));
    BufferedImage seen = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
    assertEquals(224, seen.getWidth(), "SqueezeNet's input width");
    assertEquals(224, seen.getHeight());
    assertFalse(FruitServiceIT.json(predictor.predict("finch.jpeg", Files.readAllBytes(photo)).json()).has("model_input"),
        "predict's JSON lines carry no picture");
  }
}
