package io.fruits.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.features.SharedData;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.alias.CredentialProvider;
import org.apache.hadoop.security.alias.CredentialProviderFactory;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline reading {@code s3a://} input and writing {@code s3a://} output, served by a real
 * S3-compatible server (S3Proxy, in-memory store) on loopback with AWS signature checks. The keys
 * are random per run and reach S3A only through a Hadoop credential provider (a JCEKS keystore),
 * never through the configuration or the code. The output must equal the embedded local run's.
 */
class S3aIT {
  private static final String BUCKET = "fruits";

  @TempDir static Path tmp;
  static S3Proxy proxy;
  static BlobStoreContext store;
  static String secret;
  static Configuration conf;

  @BeforeAll
  static void startS3() throws Exception {
    SharedData.require();
    String access = "AK" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    secret = UUID.randomUUID().toString();
    Properties props = new Properties();
    store = ContextBuilder.newBuilder("transient").credentials(access, secret).overrides(props).build(BlobStoreContext.class);
    proxy = S3Proxy.builder()
        .blobStore(store.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, access, secret)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    store.getBlobStore().createContainerInLocation(null, BUCKET);

    conf = new Configuration();
    conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.setBoolean("fs.s3a.path.style.access", true);
    conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
    conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.change.detection.version.required", "false");
    String keystore = "jceks://file" + tmp.resolve("s3.jceks").toAbsolutePath();
    conf.set(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH, keystore);
    CredentialProvider provider = CredentialProviderFactory.getProviders(conf).get(0);
    provider.createCredentialEntry("fs.s3a.access.key", access.toCharArray());
    provider.createCredentialEntry("fs.s3a.secret.key", secret.toCharArray());
    provider.flush();
    conf.set("fs.s3a.buffer.dir", tmp.resolve("s3a-buffer").toString());
    conf.set("model.dir", SharedData.models().toString());
    conf.setInt("engine.threads", 1);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void s3aRunEqualsTheLocalRunAndCommitsWithTheS3aCommitter() throws Exception {
    Path local = tmp.resolve("in");
    ImageTrees.copySubset(SharedData.fruits().resolve("Test"), local.resolve("Test"), 3, 5);
    Files.writeString(local.resolve("Test/README"), "not an image");
    org.apache.hadoop.fs.Path input = new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/images");
    FileSystem s3 = input.getFileSystem(conf);
    upload(local, s3, input);

    PipelineRun onS3 = PipelineRun.of(conf, "--input", input.toString(), "--output", "s3a://" + BUCKET + "/runs/one", "--model", "squeezenet1.1");
    assertEquals(0, onS3.exitCode, onS3.stderr);
    assertEquals("s3a://" + BUCKET + "/runs/one/pca.csv", onS3.fromEnd(1));
    assertFalse(onS3.stderr.contains(secret), "the secret key is never logged");

    Path out = tmp.resolve("local-run");
    PipelineRun onDisk = PipelineRun.of(conf, "--input", local.toString(), "--output", out.toString(), "--model", "squeezenet1.1");
    assertEquals(0, onDisk.exitCode, onDisk.stderr);
    for (String csv : List.of("features.csv", "pca.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(out.resolve(csv)), read(s3, "runs/one/" + csv), csv);
    }
    assertEquals(16, ImageTrees.rows(out.resolve("features.csv")).size() + ImageTrees.rows(out.resolve("rejects.csv")).size());

    // S3A committers write a JSON summary as _SUCCESS; the classic committer writes an empty file.
    for (String stage : List.of("features", "stats", "csv-parts")) {
      String success = new String(read(s3, "runs/one/" + stage + "/_SUCCESS"), StandardCharsets.UTF_8);
      assertTrue(success.contains("\"committer\":\"directory\""), stage + ": " + success.substring(0, Math.min(300, success.length())));
    }
  }

  /** File by file with plain creates (S3A's copyFromLocalFile needs commons-collections). */
  private static void upload(Path from, FileSystem fs, org.apache.hadoop.fs.Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try (var out = fs.create(new org.apache.hadoop.fs.Path(to, from.relativize(f).toString()))) {
          Files.copy(f, out);
        }
      }
    }
  }

  private static byte[] read(FileSystem fs, String key) throws Exception {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/" + key))) {
      return in.readAllBytes();
    }
  }
}
