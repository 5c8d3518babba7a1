package io.fruits.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every answer carries. The page's own inline script and style are allowed by their
 * SHA-256 (computed from the page at start-up), nothing else runs: no other origin, no framing,
 * no MIME sniffing, no referrer (photos may carry where they were taken). With TLS, browsers are
 * also told to keep using it.
 */
final class SecurityHeaders {
  private static final Pattern INLINE = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

  private SecurityHeaders() {}

  static Map<String, String> forPage(String page, boolean tls) {
    StringBuilder scripts = new StringBuilder();
    StringBuilder styles = new StringBuilder();
    Matcher m = INLINE.matcher(page);
    while (m.find()) {
      (m.group(1).equals("script") ? scripts : styles).append(" 'sha256-").append(sha256(m.group(2))).append('\'');
    }
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", "default-src 'none'; script-src" + scripts + "; style-src" + styles
        + "; img-src 'self' blob: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-store");
    if (tls) {
      h.put("Strict-Transport-Security", "max-age=31536000");
    }
    return h;
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
