package io.fruits.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.core.Csv;
import io.fruits.features.SharedData;
import io.fruits.mapreduce.ImageTrees;
import io.fruits.mapreduce.PipelineRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both editions on the same images (30 classes, real SqueezeNet 1.1, one broken file): the Spark
 * edition must give the MapReduce edition's features byte for byte, the same rejects, the same
 * eigenvalues (all of them) and the same PCA projection within 1e-6, signs included.
 */
class SparkEditionIT {
  @TempDir static Path tmp;
  static Path input;
  static Path models;

  @BeforeAll
  static void images() throws Exception {
    Path fruits = SharedData.fruits();
    models = SharedData.models();
    input = tmp.resolve("in");
    ImageTrees.copySubset(fruits.resolve("Training"), input.resolve("Training"), 30, 8);
    // A name with a colon: Hadoop's local checksum layer cannot name its checksum file.
    Path first = ImageTrees.firstFile(input.resolve("Training/Apple 6"));
    Files.copy(first, first.resolveSibling("taken 12:30.jpg"));
    Files.writeString(input.resolve("Training/Apple 6/notes.jpg"), "not a picture");
    // A GIF header with no frame: the JDK's reader throws an unchecked exception for it.
    Files.write(input.resolve("Training/Apple 6/frameless.gif"), new byte[] {'G', 'I', 'F', '8', '9', 'a', 10, 0, 10, 0, 0, 0, 0, ';'});
  }

  @Test
  void sameFeaturesRejectsAndProjectionAsMapReduce() throws Exception {
    Path mr = runMapReduce("mr", "-D", "pca.k=12");
    Path spark = runSpark("spark", "-D", "pca.k=12");

    assertArrayEquals(Files.readAllBytes(mr.resolve("features.csv")), Files.readAllBytes(spark.resolve("features.csv")));
    assertEquals(Files.readAllLines(mr.resolve("rejects.csv")), Files.readAllLines(spark.resolve("rejects.csv")));
    assertEquals(3, Files.readAllLines(spark.resolve("rejects.csv")).size(), "header and the two broken files");
    assertSameProjection(mr.resolve("pca.csv"), spark.resolve("pca.csv"));
    double[] eigenvalues = model(mr).eigenvalues();
    assertArrayEquals(eigenvalues, model(spark).eigenvalues(), 1e-6 * eigenvalues[0]);
  }

  @Test
  void varianceRuleChoosesTheSameK() throws Exception {
    Path mr = runMapReduce("mr-var", "-D", "pca.variance=0.8");
    Path spark = runSpark("spark-var", "-D", "pca.variance=0.8");
    String header = Files.readAllLines(mr.resolve("pca.csv")).get(0);
    assertEquals(header, Files.readAllLines(spark.resolve("pca.csv")).get(0));
    assertTrue(header.split(",").length > 3, header);
  }

  @Test
  void wrongUsageIsOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkMain.run(new String[] {"--input", input.toString(), "--output", tmp.resolve("x").toString()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("fruits spark: missing --model PRESET|DESCRIPTOR (vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a .properties file);"
        + " see fruits spark --help\n", err.toString(StandardCharsets.UTF_8));

    err.reset();
    code = SparkMain.run(new String[] {"--input", input.toString(), "--output", tmp.resolve("x").toString(), "--model", "squeezenet1.1",
        "--master", "local[1]", "-D", "output.formats=csv,parquet"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("fruits spark: output.formats=parquet is written by the MapReduce edition only (fruits run); this edition writes CSV\n",
        err.toString(StandardCharsets.UTF_8));

    // Checked before Spark starts and the model loads: without -D model.dir the model was the first complaint.
    err.reset();
    Path missing = tmp.resolve("no-such-folder");
    code = SparkMain.run(new String[] {"--input", missing.toString(), "--output", tmp.resolve("x").toString(), "--model", "squeezenet1.1",
        "--master", "local[1]"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertEquals("fruits spark: input " + missing + " is not a folder; point --input at the image tree (one folder per class)\n",
        err.toString(StandardCharsets.UTF_8));
  }

  /** An output Hadoop cannot glob fails before Spark starts; one image, or two copies of it, is the input's fault, said in one line. */
  @Test
  void aColonInTheOutputASingleImageAndCopiesAreOneLine() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path colon = tmp.resolve("run:2");
    int code = SparkMain.run(new String[] {"--input", input.toString(), "--output", colon.toString(), "--model", "squeezenet1.1",
        "--master", "local[1]"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("fruits spark: --output " + colon + ": Hadoop cannot read a run back"),
        err.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(colon));

    Path one = tmp.resolve("one-image/Apple");
    Files.createDirectories(one);
    Files.copy(ImageTrees.firstFile(SharedData.fruits().resolve("Training/Apple 6")), one.resolve("only.jpg"));
    err.reset();
    code = SparkMain.run(new String[] {"--input", one.getParent().toString(), "--output", tmp.resolve("one-run").toString(), "--model",
        "squeezenet1.1", "-D", "model.dir=" + models, "--master", "local[1]"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("fruits spark:")).toList();
    assertEquals(List.of("fruits spark: the input gave 1 vector (its other files, if any, were rejected); statistics and a PCA need at least 2:"
        + " give --input a folder of at least 2 images that decode"), lines);

    Files.copy(one.resolve("only.jpg"), one.resolve("copy.jpg")); // two vectors now, but the same
    err.reset();
    code = SparkMain.run(new String[] {"--input", one.getParent().toString(), "--output", tmp.resolve("copies-run").toString(), "--model",
        "squeezenet1.1", "-D", "model.dir=" + models, "--master", "local[1]"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("fruits spark: the input's 2 vectors are all the same (no value varies: one image under every name?);"
        + " a PCA needs images that differ: give --input a folder of different images"),
        err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("fruits spark:")).toList());
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace");
  }

  @Test
  void overwriteDeletesOnlyARunAndOnlyAfterEveryCheck() throws Exception {
    Path run = runSpark("spark-keep", "-D", "pca.k=4");
    byte[] before = Files.readAllBytes(run.resolve("pca.csv"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkMain.run(new String[] {"--input", input.toString(), "--output", run.toString(), "--model", "squeezenet1.2", "--overwrite",
        "--master", "local[2]"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    assertArrayEquals(before, Files.readAllBytes(run.resolve("pca.csv")), "a mistyped model must not cost the earlier run");

    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("marker.txt"), "mine");
    err.reset();
    code = SparkMain.run(new String[] {"--input", input.toString(), "--output", home.toString(), "--model", "squeezenet1.1", "--overwrite",
        "-D", "model.dir=" + models, "--master", "local[2]"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("is not a run of fruits (no run.properties); nothing was deleted: give --output a new folder\n"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals("mine", Files.readString(home.resolve("marker.txt")));
  }

  @Test
  void classifyPredictAndServeTakeASparkRun() throws Exception {
    Path run = runSpark("spark-serve", "-D", "pca.k=12");
    // The saved model is the one the run projected with: it reproduces pca.csv from features.csv.
    io.fruits.reduction.PcaModel model = model(run);
    Map<String, double[]> features = rows(Files.readAllLines(run.resolve("features.csv")));
    Map<String, double[]> projected = rows(Files.readAllLines(run.resolve("pca.csv")));
    for (Map.Entry<String, double[]> e : features.entrySet()) {
      float[] x = new float[e.getValue().length];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) e.getValue()[i];
      }
      assertArrayEquals(projected.get(e.getKey()), model.transform(x), 1e-9, e.getKey());
    }

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, io.fruits.classifier.ClassifyMain.run(new String[] {"--run", run.toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
    Path photo = ImageTrees.firstFile(SharedData.fruits().resolve("Training/Apple 6")); // a real photo, not the broken files
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = io.fruits.serve.PredictMain.run(new String[] {"--run", run.toString(), "-D", "model.dir=" + models, photo.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    assertEquals("Apple 6", firstClass(out.toString(StandardCharsets.UTF_8)), out.toString(StandardCharsets.UTF_8));

    try (io.fruits.serve.FruitPredictor predictor = io.fruits.serve.FruitPredictor.open(run, Map.of("model.dir", models.toString()), 40_000_000, 2);
        io.fruits.serve.FruitService service = new io.fruits.serve.FruitService(predictor, 1 << 20).start(0)) {
      String boundary = "b0undary";
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(photo));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + service.port() + "/predict"))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("Apple 6", firstClass(r.body()), r.body());
    }
  }

  private static io.fruits.reduction.PcaModel model(Path run) throws java.io.IOException {
    try (java.io.Reader r = Files.newBufferedReader(run.resolve("pca/model.txt"))) {
      return io.fruits.reduction.PcaModel.load(r);
    }
  }

  private static Path runMapReduce(String name, String... extra) {
    Path out = tmp.resolve(name);
    Configuration conf = new Configuration();
    conf.set("model.dir", models.toString());
    PipelineRun run = PipelineRun.of(conf, args(out, extra));
    assertEquals(0, run.exitCode, run.stderr);
    return out;
  }

  private static Path runSpark(String name, String... extra) {
    Path out = tmp.resolve(name);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    String[] base = args(out, extra);
    String[] all = new String[base.length + 4];
    System.arraycopy(base, 0, all, 0, base.length);
    all[base.length] = "-D";
    all[base.length + 1] = "model.dir=" + models;
    all[base.length + 2] = "--master";
    all[base.length + 3] = "local[2]";
    int code = SparkMain.run(all, new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, code);
    String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(out.resolve("features.csv").toString(), lines[lines.length - 2]);
    assertEquals(out.resolve("pca.csv").toString(), lines[lines.length - 1]);
    return out;
  }

  private static String[] args(Path out, String... extra) {
    String[] base = {"--input", input.toString(), "--output", out.toString(), "--model", "squeezenet1.1"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /** Same ids and labels in the same order; each component equal within 1e-6, sign included. */
  private static void assertSameProjection(Path expected, Path actual) throws Exception {
    List<String> a = Files.readAllLines(expected);
    List<String> b = Files.readAllLines(actual);
    assertEquals(a.get(0), b.get(0), "header");
    assertEquals(a.size(), b.size(), "rows");
    Map<String, double[]> x = rows(a);
    Map<String, double[]> y = rows(b);
    assertEquals(List.copyOf(x.keySet()), List.copyOf(y.keySet()), "ids in the same order");
    for (String id : x.keySet()) {
      assertArrayEquals(x.get(id), y.get(id), 1e-6, id);
    }
  }

  private static String firstClass(String answer) {
    return com.google.gson.JsonParser.parseString(answer.trim()).getAsJsonObject().getAsJsonArray("top").get(0).getAsJsonObject()
        .get("class").getAsString();
  }

  private static Map<String, double[]> rows(List<String> lines) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = Csv.parse(line);
      double[] v = new double[f.size() - 2];
      for (int i = 0; i < v.length; i++) {
        v[i] = Double.parseDouble(f.get(i + 2));
      }
      m.put(f.get(0) + "|" + f.get(1), v);
    }
    return m;
  }
}
