package io.fruits.serve;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON that predict and the service write, through Gson (Apache License 2.0, the version the
 * core module's reports use). Gson's default escaping of {@code <>&='} stays on: an answer quotes
 * file names a client chose, and must not read as HTML if something sniffs it.
 */
final class Json {
  private static final Gson GSON = new Gson();

  private Json() {}

  static String of(Object value) {
    return GSON.toJson(value);
  }

  /** {@code {"image": image, "error": message, "reason": reason}}, without the image when it is null. */
  static String error(String image, String reason, String message) {
    Map<String, String> m = new LinkedHashMap<>();
    if (image != null) {
      m.put("image", image);
    }
    m.put("error", message);
    m.put("reason", reason);
    return of(m);
  }
}
