package io.fruits.serve;

import io.fruits.features.RejectReason;
import io.fruits.features.RejectedImageException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web service: {@code GET /} a page that lets a phone take or pick a photo and shows the
 * answer; {@code POST /predict} a multipart upload (field {@code image}) answered with JSON.
 * Errors are JSON too, with a 4xx status that says whose fault it was: 400 a malformed request,
 * 408 an upload slower than the minimum rate, 413 too many bytes or pixels, 415 not an image we
 * read, 422 a damaged image; 503 with {@code Retry-After} when the queue is full or the deadline
 * passed. No answer carries an exception's name or message, or a path.
 *
 * <p>Memory is bounded whatever the traffic: uploads over 256 KiB are spooled to disk by Jetty
 * while they arrive, and only photos that got a place in the {@link PredictionQueue} are read
 * into memory. They are decoded outside the model's lock, as many at once as the {@link
 * DecodeBudget} allows, so the CPU decodes the next photos while the CNN runs; the model then
 * takes them one at a time. Threads are bounded too, and so is the work waiting for them.
 */
public final class FruitService implements AutoCloseable {
  static final String FIELD = "image";
  /** Room for the multipart headers and boundaries around the photo itself. */
  private static final long FORM_OVERHEAD = 64 * 1024;
  private static final int IN_MEMORY_PART_BYTES = 256 * 1024;
  private static final String RETRY_AFTER_SECONDS = "2";
  private static final int MAX_QUEUED_JOBS = 4096;
  /**
   * How long {@link #close} lets requests in flight finish before the spool is removed (Jetty's
   * default, 0, cuts their connections while their handlers run on). Well inside the grace
   * systemd (90 s) and Kubernetes (30 s) give a process before they kill it.
   */
  private static final long STOP_TIMEOUT_MS = 10_000;

  private final FruitPredictor predictor;
  private final ServiceLimits limits;
  private final PredictionQueue queue;
  private final DecodeBudget decoding;
  private final Path spool;
  private final MultipartConfigElement uploads;
  private final Javalin app;
  private final String host;
  private int requestedPort;
  private final java.util.concurrent.atomic.AtomicLong skippedForGoneClients = new java.util.concurrent.atomic.AtomicLong();

  public FruitService(FruitPredictor predictor, long maxBytes) throws IOException {
    this(predictor, ServiceLimits.DEFAULTS.withMaxBytes(maxBytes), "127.0.0.1", null, null);
  }

  /**
   * @param host the interface to listen on ({@code 127.0.0.1}: this machine only)
   * @param keystore a PKCS12 keystore for HTTPS, or null for plain HTTP
   */
  FruitService(FruitPredictor predictor, ServiceLimits limits, String host, Path keystore, String password) throws IOException {
    this(predictor, limits, new PredictionQueue(limits.queue()), host, keystore, password);
  }

  /** With the queue given, so a test can hold the model busy. */
  FruitService(FruitPredictor predictor, ServiceLimits limits, PredictionQueue queue, String host, Path keystore, String password)
      throws IOException {
    this.predictor = predictor;
    this.limits = limits;
    this.queue = queue;
    this.host = host;
    this.decoding = new DecodeBudget(Runtime.getRuntime().availableProcessors(), limits.maxPixels());
    this.spool = Files.createTempDirectory("fruits-uploads");
    this.uploads = new MultipartConfigElement(spool.toString(), limits.maxBytes(), limits.maxBytes() + FORM_OVERHEAD, IN_MEMORY_PART_BYTES);
    String page = page();
    Map<String, String> headers = SecurityHeaders.forPage(page, keystore != null);
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = limits.maxBytes();
      config.http.prefer405over404 = true; // GET /predict is a wrong method, not a missing page
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setErrorHandler(new UnparsedRequestAnswer(headers));
      });
      // Bounded threads and a bounded backlog of work for them (a queued job is a few hundred
      // bytes; past the bound Jetty closes the connection).
      config.jetty.threadPool = new QueuedThreadPool(limits.threads(), 4, 60_000, new BlockingArrayQueue<>(256, 256, MAX_QUEUED_JOBS));
      config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(limits.minUploadRate()));
      // Javalin builds the connector when it starts, on the port start() was given.
      config.jetty.addConnector((server, http) -> Connectors.create(server, http, host, requestedPort, keystore, password));
    });
    app.before(ctx -> headers.forEach(ctx::header));
    app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    // HEAD must give GET's headers (RFC 9110); Javalin's own answer to it was an empty text/plain.
    app.head("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    app.post("/predict", this::predict);
    app.error(HttpStatus.NOT_FOUND, ctx -> error(ctx, HttpStatus.NOT_FOUND, "not-found", "no such page; the service has / and POST /predict"));
    app.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> {
      ctx.header("Allow", ctx.path().equals("/predict") ? "POST" : "GET, HEAD"); // a 405 must say what is allowed (RFC 9110)
      error(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "use GET / or POST /predict");
    });
    app.exception(Exception.class, (e, ctx) -> {
      // Never the exception's words: they can name classes and paths of this machine.
      System.err.println("[fruits] " + ctx.method() + " " + ctx.path() + " failed: " + e);
      error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the service could not answer this request");
    });
  }

  /** Listens on {@code port} (0: any free port). */
  public FruitService start(int port) {
    requestedPort = port;
    try {
      app.start();
    } catch (Exception e) { // Javalin (Kotlin) also throws checked ones, an ExecutionException here
      removeSpool(); // nothing else will: the caller never got the service
      // Jetty's stop after a failed bind throws "STOPPED" over the BindException: ask the port.
      if (port != 0 && !bindable(host, port)) {
        throw new IllegalArgumentException("port " + port + " on " + host + " is taken by another program; give --port another, or 0 for any free one");
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException("the service did not start: " + e.getMessage(), e);
    }
    return this;
  }

  private static boolean bindable(String host, int port) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free
      probe.bind(new java.net.InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Photos not computed because their client had left. */
  long skippedForGoneClients() {
    return skippedForGoneClients.get();
  }

  /** Where uploads too large to keep in memory are spooled while they arrive. */
  Path spool() {
    return spool;
  }

  public int port() {
    return connector().getLocalPort();
  }

  private ServerConnector connector() {
    return (ServerConnector) app.jettyServer().server().getConnectors()[0];
  }

  private void predict(Context ctx) throws Exception {
    Instant deadline = arrival(ctx).plus(limits.deadline());
    long length = ctx.req().getContentLengthLong();
    if (length > limits.maxBytes() + FORM_OVERHEAD) {
      ctx.header("Connection", "close"); // the body is not read
      error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large", "the upload is " + length + " bytes; the limit is " + limits.maxBytes());
      return;
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().trim().toLowerCase(java.util.Locale.ROOT);
    if (!type.startsWith("multipart/form-data")) {
      error(ctx, HttpStatus.BAD_REQUEST, "bad-request", "send multipart/form-data with the photo in a field named '" + FIELD + "'");
      return;
    }
    UploadedFile file = upload(ctx);
    if (file == null) {
      return;
    }
    try {
      queue.enter();
    } catch (PredictionQueue.RefusedException e) {
      busy(ctx, "the service is busy; try again in a moment");
      return;
    }
    try {
      byte[] bytes;
      try (InputStream in = file.content()) {
        bytes = in.readAllBytes();
      }
      long pixels = predictor.pixels(bytes); // from the header: a photo over the limit is refused before any decoding
      PreparedPhoto photo = decoding.decode(pixels, deadline, () -> clientGone(ctx), () -> predictor.prepare(file.filename(), bytes));
      String answer = queue.compute(deadline, () -> clientGone(ctx), () -> predictor.answer(photo).json(true));
      ctx.contentType("application/json").result(answer);
    } catch (PredictionQueue.RefusedException e) {
      if (e.refusal == PredictionQueue.Refusal.CLIENT_GONE) {
        skippedForGoneClients.incrementAndGet();
        System.err.println("[fruits] a client left before its photo was computed; skipped");
      }
      busy(ctx, "the service is busy; try again in a moment");
    } catch (RejectedImageException e) {
      error(ctx, statusOf(e.reason()), e.reason().word(), e.getMessage());
    } finally {
      queue.leave();
    }
  }

  /** When Jetty read the request's headers, which may be well before a thread ran this handler. */
  private static Instant arrival(Context ctx) {
    Request base = Request.getBaseRequest(ctx.req());
    long millis = base == null ? 0 : base.getTimeStamp();
    return millis > 0 ? Instant.ofEpochMilli(millis) : Instant.now();
  }

  /** The uploaded photo, or null after answering why there is none. */
  private UploadedFile upload(Context ctx) {
    UploadedFile file;
    // Per request, not through config.jetty.multipartConfig: Javalin keeps that in a static, so
    // the last service created in a JVM would set the spool and limits of every other one.
    ctx.req().setAttribute(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE, uploads);
    try {
      file = ctx.uploadedFile(FIELD);
    } catch (Exception e) { // Jetty's parser throws IOException and IllegalStateException for malformed forms
      BadMessageException bad = causeOf(e, BadMessageException.class);
      if (bad != null && bad.getCode() == HttpStatus.REQUEST_TIMEOUT.getCode()) {
        ctx.header("Connection", "close");
        error(ctx, HttpStatus.REQUEST_TIMEOUT, "too-slow", "the upload was slower than " + limits.minUploadRate() + " bytes per second");
      } else if (messageMentions(e, "exceeds")) {
        error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large", "the upload is larger than " + limits.maxBytes() + " bytes");
      } else {
        error(ctx, HttpStatus.BAD_REQUEST, "bad-request",
            "the body is not a well-formed multipart/form-data form; put the photo in a field named '" + FIELD + "'");
      }
      return null;
    }
    if (file == null) {
      error(ctx, HttpStatus.BAD_REQUEST, "bad-request", "no field named '" + FIELD + "' in the form; put the photo there");
    } else if (file.size() > limits.maxBytes()) {
      error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large", "the photo is " + file.size() + " bytes; the limit is " + limits.maxBytes());
      return null;
    }
    return file;
  }

  /**
   * True when the client has closed its side, so no one would read the answer. Jetty does not read
   * a connection while its request is handled, so a close is looked for here: at most one byte is
   * read without waiting, and end-of-stream means the client is gone. A byte read would be the
   * start of a pipelined request (clients should not pipeline after a POST); the answer then
   * closes the connection, so the client sends that request again.
   */
  private boolean clientGone(Context ctx) {
    Request base = Request.getBaseRequest(ctx.req());
    if (base == null) {
      return false;
    }
    EndPoint endPoint = base.getHttpChannel().getEndPoint();
    if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
      return true;
    }
    if (endPoint.isFillInterested()) {
      return false; // Jetty is reading it itself
    }
    try {
      int read = endPoint.fill(BufferUtil.allocate(1));
      if (read > 0) {
        ctx.header("Connection", "close");
      }
      return read < 0;
    } catch (IOException e) {
      return true;
    }
  }

  private static void busy(Context ctx, String message) {
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "busy", message);
  }

  static HttpStatus statusOf(RejectReason reason) {
    return switch (reason) {
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case EMPTY, NOT_AN_IMAGE, UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case CORRUPT, UNREADABLE -> HttpStatus.UNPROCESSABLE_CONTENT; // an upload is in memory: never unreadable
    };
  }

  private static void error(Context ctx, HttpStatus status, String reason, String message) {
    ctx.status(status).contentType("application/json").result(Json.error(null, reason, message));
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean messageMentions(Throwable e, String word) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static String page() {
    try (InputStream in = FruitService.class.getResourceAsStream("index.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
    removeSpool();
  }

  private void removeSpool() {
    try (var files = Files.walk(spool)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("[fruits] could not remove the upload spool " + spool + ": " + e.getMessage());
    }
  }
}
