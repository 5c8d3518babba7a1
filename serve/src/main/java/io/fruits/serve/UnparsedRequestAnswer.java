package io.fruits.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's answer to a request it cannot parse (a request line with a bare {@code ../}, a header
 * too long), which it sends before Javalin sees the request: JSON with the security headers, like
 * every other answer, instead of its own HTML page. Jetty's reason is not echoed: it may quote
 * the request.
 */
final class UnparsedRequestAnswer extends ErrorHandler {
  private final Map<String, String> headers;

  UnparsedRequestAnswer(Map<String, String> headers) {
    this.headers = headers;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    headers.forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    String word = switch (status) {
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      default -> "bad-request";
    };
    return BufferUtil.toBuffer(Json.error(null, word, "the request is not HTTP the service can read (" + status + ")"), StandardCharsets.UTF_8);
  }
}
