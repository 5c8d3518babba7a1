package io.fruits.serve;

/** JSON string literals: the only JSON this module writes by hand. */
final class Json {
  private Json() {}

  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** {@code {"error": message, "reason": reason}}. */
  static String error(String reason, String message) {
    return "{\"error\": " + string(message) + ", \"reason\": " + string(reason) + "}";
  }
}
