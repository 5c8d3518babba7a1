package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeOptionsTest {
  @Test
  void listensOnThisMachineOnlyUnlessToldOtherwise() {
    assertEquals("127.0.0.1", ServeOptions.parse(new String[] {"--run", "r"}).host);
    assertEquals("0.0.0.0", ServeOptions.parse(new String[] {"--run", "r", "--host", "0.0.0.0"}).host);
  }

  @Test
  void everyNumberIsCheckedBeforeAnythingStarts() {
    for (String[] bad : new String[][] {{"--port", "70000"}, {"--port", "x[$(id)]"}, {"--queue", "-1"}, {"--deadline-seconds", "0"},
        {"--threads", "2"}, {"--max-bytes", "1e9"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ServeOptions.parse(new String[] {"--run", "r", bad[0], bad[1]}));
      assertTrue(e.getMessage().startsWith(bad[0] + " is '" + bad[1] + "'; give a whole number from "), e.getMessage());
    }
  }

  @Test
  void viewsAreChosenPerPhotoUnlessACountIsGiven() {
    assertEquals(Views.AUTO, ServeOptions.parse(new String[] {"--run", "r"}).views);
    assertEquals(Views.AUTO, ServeOptions.parse(new String[] {"--run", "r", "--views", "auto"}).views);
    assertEquals(3, ServeOptions.parse(new String[] {"--run", "r", "--views", "3"}).views);
    for (String bad : new String[] {"0", "7", "six"}) {
      assertEquals("--views is '" + bad + "'; give auto or a whole number from 1 to 6",
          assertThrows(IllegalArgumentException.class, () -> ServeOptions.parse(new String[] {"--run", "r", "--views", bad})).getMessage());
    }
  }

  @Test
  void securityHeadersAllowThePagesOwnScriptByItsHash() {
    Map<String, String> h = SecurityHeaders.forPage("<style>b{}</style><script>go()</script>", false);
    assertEquals("default-src 'none'; script-src 'sha256-" + sha256("go()") + "'; style-src 'sha256-" + sha256("b{}")
        + "'; img-src 'self' blob: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        h.get("Content-Security-Policy"));
    assertEquals("nosniff", h.get("X-Content-Type-Options"));
    assertTrue(SecurityHeaders.forPage("", true).containsKey("Strict-Transport-Security"));
  }

  @Test
  void theQueueRefusesWhenFullAndLetsTheNextIn() throws Exception {
    PredictionQueue q = new PredictionQueue(1);
    q.enter();
    q.enter();
    assertEquals(PredictionQueue.Refusal.FULL, assertThrows(PredictionQueue.RefusedException.class, q::enter).refusal);
    q.leave();
    q.enter();
    assertEquals(PredictionQueue.Refusal.CLIENT_GONE, assertThrows(PredictionQueue.RefusedException.class,
        () -> q.compute(java.time.Instant.now().plusSeconds(5), () -> true, () -> "computed")).refusal);
    assertEquals(PredictionQueue.Refusal.DEADLINE, assertThrows(PredictionQueue.RefusedException.class,
        () -> q.compute(java.time.Instant.now().minusSeconds(1), () -> false, () -> "computed")).refusal);
    assertEquals("computed", q.compute(java.time.Instant.now().plusSeconds(5), () -> false, () -> "computed"));
  }

  @Test
  void aPhotoIsNotStartedWhenItCouldNotFinishBeforeItsDeadline() throws Exception {
    PredictionQueue q = new PredictionQueue(1);
    assertEquals("slow", q.compute(java.time.Instant.now().plusSeconds(5), () -> false, () -> {
      Thread.sleep(300);
      return "slow";
    }));
    // Computations take 300 ms now: 100 ms before the deadline is too late to start one.
    assertEquals(PredictionQueue.Refusal.DEADLINE, assertThrows(PredictionQueue.RefusedException.class,
        () -> q.compute(java.time.Instant.now().plusMillis(100), () -> false, () -> "computed")).refusal);
    assertEquals("computed", q.compute(java.time.Instant.now().plusSeconds(5), () -> false, () -> "computed"));
  }

  private static String sha256(String s) {
    try {
      return java.util.Base64.getEncoder().encodeToString(
          java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
