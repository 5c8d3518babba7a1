package io.fruits.mapreduce;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * A real S3-compatible server for tests (S3Proxy, in-memory store) on loopback with AWS signature
 * checks, and the S3A client settings to reach it. The keys are random per server and reach S3A
 * only through a Hadoop credential provider (a JCEKS keystore), never through the configuration.
 */
public final class S3Server implements AutoCloseable {
  private final S3Proxy proxy;
  private final BlobStoreContext store;
  private final String bucket;
  private final String secret;
  private final Configuration conf;

  private S3Server(S3Proxy proxy, BlobStoreContext store, String bucket, String secret, Configuration conf) {
    this.proxy = proxy;
    this.store = store;
    this.bucket = bucket;
    this.secret = secret;
    this.conf = conf;
  }

  /** Starts the server with one empty bucket; {@code tmp} holds the keystore and S3A's buffers. */
  public static S3Server start(String bucket, Path tmp) throws Exception {
    String access = "AK" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    String secret = UUID.randomUUID().toString();
    BlobStoreContext store = ContextBuilder.newBuilder("transient").credentials(access, secret).overrides(new Properties())
        .build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(store.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, access, secret)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    store.getBlobStore().createContainerInLocation(null, bucket);

    Configuration conf = new Configuration();
    conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.setBoolean("fs.s3a.path.style.access", true);
    conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
    conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.change.detection.version.required", "false");
    Files.createDirectories(tmp);
    conf.set(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH, "jceks://file" + tmp.resolve("s3.jceks").toAbsolutePath());
    CredentialProvider provider = CredentialProviderFactory.getProviders(conf).get(0);
    provider.createCredentialEntry("fs.s3a.access.key", access.toCharArray());
    provider.createCredentialEntry("fs.s3a.secret.key", secret.toCharArray());
    provider.flush();
    conf.set("fs.s3a.buffer.dir", tmp.resolve("s3a-buffer").toString());
    return new S3Server(proxy, store, bucket, secret, conf);
  }

  /** A copy of the S3A client settings (no key in it). */
  public Configuration conf() {
    return new Configuration(conf);
  }

  /** The settings as {@code -D key=value} arguments, for a command line. */
  public String[] defines() {
    return java.util.stream.StreamSupport.stream(conf.spliterator(), false)
        .filter(e -> e.getKey().startsWith("fs.s3a.") || e.getKey().equals(CredentialProviderFactory.CREDENTIAL_PROVIDER_PATH))
        .filter(e -> conf.getPropertySources(e.getKey()) != null
            && !conf.getPropertySources(e.getKey())[0].endsWith("-default.xml"))
        .flatMap(e -> java.util.stream.Stream.of("-D", e.getKey() + "=" + e.getValue()))
        .toArray(String[]::new);
  }

  /** The secret key, only so that tests can check it is never printed. */
  public String secret() {
    return secret;
  }

  public String uri(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  /** Copies a local tree under {@code key}, file by file with plain creates (S3A's copyFromLocalFile needs commons-collections). */
  public void upload(Path from, String key) throws Exception {
    org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(uri(key));
    FileSystem fs = to.getFileSystem(conf);
    try (var files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String relative = from.relativize(f).toString();
        try (var out = fs.create(relative.isEmpty() ? to : new org.apache.hadoop.fs.Path(to, relative))) {
          Files.copy(f, out);
        }
      }
    }
  }

  /** The key of the model that {@link #uploadSample} puts on the server. */
  public static final String MODEL = "models/squeezenet1.1-features.onnx";

  /**
   * Puts the shared sample on the server: 3 classes x 5 Test photos and a text file under
   * {@code images/}, SqueezeNet under {@link #MODEL}. Returns the local copy of the images.
   */
  public Path uploadSample(Path tmp) throws Exception {
    Path local = tmp.resolve("in");
    ImageTrees.copySubset(io.fruits.features.SharedData.fruits().resolve("Test"), local.resolve("Test"), 3, 5);
    Files.writeString(local.resolve("Test/README"), "not an image");
    upload(local, "images");
    upload(io.fruits.features.SharedData.models().resolve("squeezenet1.1-features.onnx"), MODEL);
    return local;
  }

  public byte[] read(String key) throws Exception {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri(key));
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return in.readAllBytes();
    }
  }

  /**
   * The committer that committed {@code dir}: S3A committers write a JSON summary as
   * {@code _SUCCESS} naming themselves; the classic committer writes an empty file ("").
   */
  public String committerOf(String dir) throws Exception {
    String success = new String(read(dir + "/_SUCCESS"), java.nio.charset.StandardCharsets.UTF_8);
    return success.isEmpty() ? "" : com.google.gson.JsonParser.parseString(success).getAsJsonObject().get("committer").getAsString();
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    store.close();
  }
}
