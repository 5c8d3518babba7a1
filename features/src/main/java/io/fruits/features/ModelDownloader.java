package io.fruits.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fetches a model file by URL into a cache folder, the way Keras fetches its weights: the file is
 * written under a temporary name, its SHA-256 is checked, and only then is it moved into place,
 * so a cache entry is either complete and verified or absent.
 */
public final class ModelDownloader {
  private final HttpClient client;

  public ModelDownloader() {
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
  }

  /**
   * Downloads {@code url} to {@code target} unless it is already there.
   *
   * @param sha256 the expected digest; required, since a model from the network is code we run
   */
  public Path fetch(URI url, String sha256, Path target) throws IOException {
    if (sha256 == null || sha256.isBlank()) {
      throw new IllegalArgumentException(
          "refusing to download " + url + " without " + ModelKey.SHA256.key() + "; give the file's SHA-256");
    }
    if (Files.isRegularFile(target)) {
      return target;
    }
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      String actual = download(url, part);
      if (!actual.equalsIgnoreCase(sha256.trim())) {
        throw new IOException(
            "checksum mismatch for " + url + ": expected " + sha256 + ", got " + actual + "; check model.url and model.sha256");
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private String download(URI url, Path to) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + url, e);
    }
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = response.body();
        OutputStream out = Files.newOutputStream(to)) {
      if (response.statusCode() != 200) {
        throw new IOException("download of " + url + " answered HTTP " + response.statusCode() + "; check model.url");
      }
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
