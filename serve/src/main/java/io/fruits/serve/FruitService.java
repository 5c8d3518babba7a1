package io.fruits.serve;

import io.fruits.features.RejectReason;
import io.fruits.features.RejectedImageException;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The web service: {@code GET /} a page that lets a phone take or pick a photo and shows the
 * answer; {@code POST /predict} a multipart upload (field {@code image}) answered with JSON.
 * Errors are JSON too, with a 4xx status that says whose fault it was: 400 a malformed request,
 * 413 too many bytes or pixels, 415 not an image we read, 422 a damaged image.
 */
public final class FruitService implements AutoCloseable {
  static final String FIELD = "image";
  /** Room for the multipart headers and boundaries around the photo itself. */
  private static final long FORM_OVERHEAD = 64 * 1024;

  private final FruitPredictor predictor;
  private final long maxBytes;
  private final Javalin app;

  public FruitService(FruitPredictor predictor, long maxBytes) {
    this.predictor = predictor;
    this.maxBytes = maxBytes;
    String page = page();
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = maxBytes;
      config.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(maxBytes + FORM_OVERHEAD, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(maxBytes, Integer.MAX_VALUE), SizeUnit.BYTES);
    });
    app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    app.post("/predict", this::predict);
    app.exception(Exception.class, (e, ctx) -> {
      // Jetty's multipart parser reports a part over its limit as "... exceeds max filesize".
      if (String.valueOf(e.getMessage()).contains("exceeds") || e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("exceeds")) {
        error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large", "the upload is larger than " + maxBytes + " bytes");
      } else {
        error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal", String.valueOf(e.getMessage()));
      }
    });
  }

  /** Starts on {@code port} (0: any free port) on every interface, so a phone on the LAN can reach it. */
  public FruitService start(int port) {
    app.start(port);
    return this;
  }

  public int port() {
    return app.port();
  }

  private void predict(Context ctx) throws IOException {
    long length = ctx.req().getContentLengthLong();
    if (length > maxBytes + FORM_OVERHEAD) {
      error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large", "the upload is " + length + " bytes; the limit is " + maxBytes);
      return;
    }
    if (!ctx.isMultipartFormData()) {
      error(ctx, HttpStatus.BAD_REQUEST, "bad-request", "send multipart/form-data with the photo in a field named '" + FIELD + "'");
      return;
    }
    UploadedFile file = ctx.uploadedFile(FIELD);
    if (file == null) {
      error(ctx, HttpStatus.BAD_REQUEST, "bad-request", "no field named '" + FIELD + "' in the form; put the photo there");
      return;
    }
    if (file.size() > maxBytes) {
      error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large", "the photo is " + file.size() + " bytes; the limit is " + maxBytes);
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readAllBytes();
    }
    try {
      ctx.contentType("application/json").result(predictor.predict(file.filename(), bytes).json());
    } catch (RejectedImageException e) {
      error(ctx, statusOf(e.reason()), e.reason().word(), e.getMessage());
    }
  }

  static HttpStatus statusOf(RejectReason reason) {
    return switch (reason) {
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case EMPTY, NOT_AN_IMAGE, UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case CORRUPT -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
  }

  private static void error(Context ctx, HttpStatus status, String reason, String message) {
    ctx.status(status).contentType("application/json").result(Json.error(reason, message));
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
  }
}
