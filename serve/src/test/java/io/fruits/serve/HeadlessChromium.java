package io.fruits.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket and JSON commands),
 * with the flags this closed network needs. Just enough to open a page, set a file input, read the
 * DOM and take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
  private int nextId;

  private HeadlessChromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  static HeadlessChromium start(Path profile, int width, int height) throws Exception {
    Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        p.destroyForcibly();
        throw new IOException("Chromium did not start; see " + profile.resolveSibling("chromium.log"));
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("\"type\": \"page\"[\\s\\S]*?\"webSocketDebuggerUrl\": \"([^\"]+)\"").matcher(targets);
    if (!m.find()) {
      p.destroyForcibly();
      throw new IOException("no page target in " + targets);
    }
    HeadlessChromium[] self = new HeadlessChromium[1];
    StringBuilder partial = new StringBuilder();
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(m.group(1)), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          self[0].deliver(partial.toString());
          partial.setLength(0);
        }
        webSocket.request(1);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
    self[0] = new HeadlessChromium(p, ws);
    return self[0];
  }

  private void deliver(String message) {
    Matcher m = Pattern.compile("^\\{\"id\":(\\d+)").matcher(message);
    if (m.find()) {
      CompletableFuture<String> f = replies.remove(Integer.parseInt(m.group(1)));
      if (f != null) {
        f.complete(message);
      }
    }
  }

  /** Sends a DevTools command and returns its raw JSON reply. */
  synchronized String send(String method, String paramsJson) throws Exception {
    int id = ++nextId;
    CompletableFuture<String> reply = new CompletableFuture<>();
    replies.put(id, reply);
    socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}", true).get(10, TimeUnit.SECONDS);
    String r = reply.get(30, TimeUnit.SECONDS);
    if (r.contains("\"error\":")) {
      throw new IOException(method + " failed: " + r);
    }
    return r;
  }

  /** The value of a JavaScript expression, as the protocol prints it. */
  String evaluate(String expression) throws Exception {
    String r = send("Runtime.evaluate", "{\"expression\":" + Json.string(expression) + ",\"returnByValue\":true}");
    Matcher m = Pattern.compile("\"value\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)").matcher(r);
    return m.find() ? m.group(1) : "";
  }

  /** Waits until {@code condition} (JavaScript) is true. */
  void waitFor(String condition, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!evaluate(condition).equals("true")) {
      if (System.nanoTime() > deadline) {
        throw new IOException("timed out waiting for " + condition + "; page: " + evaluate("document.body.innerText"));
      }
      Thread.sleep(200);
    }
  }

  void screenshot(Path png) throws Exception {
    String r = send("Page.captureScreenshot", "{\"format\":\"png\"}");
    Matcher m = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(r);
    if (!m.find()) {
      throw new IOException("no screenshot data");
    }
    Files.createDirectories(png.getParent());
    Files.write(png, java.util.Base64.getDecoder().decode(m.group(1)));
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
