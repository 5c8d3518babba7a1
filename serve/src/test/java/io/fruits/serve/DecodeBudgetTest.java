package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fruits.serve.PredictionQueue.Refusal;
import io.fruits.serve.PredictionQueue.RefusedException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DecodeBudgetTest {
  private static Instant in(long millis) {
    return Instant.now().plusMillis(millis);
  }

  /** Starts a decode of {@code pixels} that holds its share until {@code release}; returns once it holds it. */
  private static CompletableFuture<Boolean> holding(DecodeBudget budget, long pixels, CountDownLatch release) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(() -> {
      try {
        return budget.decode(pixels, in(30_000), () -> false, () -> {
          started.countDown();
          return release.await(30, TimeUnit.SECONDS);
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS), "the first decode started");
    return done;
  }

  @Test
  void photosWithinTheBudgetDecodeSideBySide() throws Exception {
    DecodeBudget budget = new DecodeBudget(2, 40_000_000);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> first = holding(budget, 12_000_000, release);
    assertEquals("second", budget.decode(12_000_000, in(2_000), () -> false, () -> "second"), "decoded while the first one was");
    release.countDown();
    assertTrue(first.get(10, TimeUnit.SECONDS));
    assertEquals(40_000_000, budget.freePixels(), "every pixel given back");
  }

  @Test
  void aPhotoOverWhatIsLeftWaitsAndIsRefusedAtItsDeadline() throws Exception {
    DecodeBudget budget = new DecodeBudget(2, 40_000_000);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> first = holding(budget, 30_000_000, release);
    AtomicBoolean ran = new AtomicBoolean();
    RefusedException e = assertThrows(RefusedException.class, () -> budget.decode(20_000_000, in(300), () -> false, () -> ran.getAndSet(true)));
    assertEquals(Refusal.DEADLINE, e.refusal);
    assertFalse(ran.get(), "not decoded past its deadline");
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    assertTrue(budget.decode(20_000_000, in(2_000), () -> false, () -> true), "decoded once the pixels are free");
  }

  @Test
  void noMoreDecodesAtOnceThanSlots() throws Exception {
    DecodeBudget budget = new DecodeBudget(1, 40_000_000);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> first = holding(budget, 1_000, release);
    RefusedException e = assertThrows(RefusedException.class, () -> budget.decode(1_000, in(300), () -> false, () -> true));
    assertEquals(Refusal.DEADLINE, e.refusal);
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aPhotoOverTheWholeBudgetWaitsForAllOfIt() throws Exception {
    DecodeBudget budget = new DecodeBudget(2, 1_000);
    assertTrue(budget.decode(5_000, in(2_000), () -> false, () -> budget.freePixels() == 0), "it holds the whole budget");
    assertEquals(1_000, budget.freePixels());
  }

  @Test
  void aGoneClientOrAPassedDeadlineCostsNoDecoding() {
    DecodeBudget budget = new DecodeBudget(2, 1_000);
    AtomicBoolean ran = new AtomicBoolean();
    assertEquals(Refusal.CLIENT_GONE,
        assertThrows(RefusedException.class, () -> budget.decode(10, in(2_000), () -> true, () -> ran.getAndSet(true))).refusal);
    assertEquals(Refusal.DEADLINE,
        assertThrows(RefusedException.class, () -> budget.decode(10, in(-1), () -> false, () -> ran.getAndSet(true))).refusal);
    assertFalse(ran.get());
    assertEquals(1_000, budget.freePixels());
  }

  @Test
  void aFailedDecodeGivesItsShareBack() {
    DecodeBudget budget = new DecodeBudget(1, 1_000);
    assertThrows(IllegalStateException.class, () -> budget.decode(800, in(2_000), () -> false, () -> {
      throw new IllegalStateException("damaged");
    }));
    assertEquals(1_000, budget.freePixels());
  }
}
