package io.fruits.serve;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops the service on SIGTERM, Ctrl-C or a closed terminal before the JVM's shutdown hooks run,
 * then exits with 128 + the signal's number, as the JVM's own handling does. Not in a hook: ONNX
 * Runtime registers one that releases its native environment at exit, the JVM runs hooks side by
 * side, and a graceful stop inside a hook went on computing the photos in flight on a released
 * environment: SIGSEGV, exit 134 and an hs_err file in 4 of 5 stops under a burst of uploads
 * (measured). A second signal while stopping exits at once. Hadoop and Spark handle signals the
 * same way ({@code sun.misc.Signal}, in the JDK's jdk.unsupported module).
 */
final class StopSignals {
  private static final String[] SIGNALS = {"TERM", "INT", "HUP"};

  private StopSignals() {}

  /** Runs {@code stop} once on the first signal, or at exit when the JVM ends another way. */
  static void install(Runnable stop) {
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable once = () -> {
      if (stopped.compareAndSet(false, true)) {
        stop.run();
      }
    };
    // The JVM calls a handler on a daemon thread: once the stop has ended Jetty's threads, the
    // JVM would end with status 0 before the handler's exit (measured). A thread that is not a
    // daemon, said explicitly as it would inherit the handler's, keeps the JVM for the exit.
    SignalHandler handler = signal -> {
      Thread stopping = new Thread(() -> {
        try {
          once.run();
        } finally {
          System.exit(128 + signal.getNumber()); // even when the stop failed: the signal asked for an end
        }
      }, "fruits-serve-stop-" + signal.getName());
      stopping.setDaemon(false);
      stopping.start();
    };
    for (String name : SIGNALS) {
      try {
        Signal.handle(new Signal(name), handler);
      } catch (IllegalArgumentException e) {
        // The JVM keeps this signal (-Xrs, or a platform without it): the hook below still stops.
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(once, "fruits-serve-stop"));
  }
}
