package io.fruits.serve;

import io.fruits.core.Launcher;

/**
 * {@code fruits serve --run RUN [--host 127.0.0.1] [--port 8080] [--tls-keystore FILE.p12]}: loads
 * the run's model, PCA and classifier once and serves the page and {@code POST /predict} until
 * stopped. It listens on this machine only unless {@code --host} says otherwise. A wrong option
 * or run ends with one line and exit code 2, a failure to start with one line and exit code 1.
 */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) {
    FruitPredictor[] opened = new FruitPredictor[1];
    int code = Launcher.run("fruits serve", System.err, () -> {
      ServeOptions o = ServeOptions.parse(args);
      if (o.help) {
        System.out.println(ServeOptions.USAGE);
        System.out.println("Listens on " + o.host + " unless --host says otherwise; the TLS keystore's password comes from "
            + ServeOptions.TLS_PASSWORD_ENV + ".");
        return 0;
      }
      String password = null;
      if (o.keystore != null) {
        password = o.tlsPassword();
        Connectors.checkKeystore(o.keystore, password);
      }
      ServiceLimits limits = o.limits();
      opened[0] = FruitPredictor.open(o.run, o.model, o.maxPixels, Runtime.getRuntime().availableProcessors(), o.views);
      FruitService service = new FruitService(opened[0], limits, o.host, o.keystore, password).start(o.port);
      FruitPredictor loaded = opened[0];
      StopSignals.install(() -> {
        service.close(); // the photos in flight are answered first
        loaded.close(); // after the one being computed, if any
      });
      String scheme = o.keystore == null ? "http" : "https";
      String reach = o.host.equals("127.0.0.1") || o.host.equals("localhost") || o.host.equals("::1")
          ? "this machine only; --host 0.0.0.0 to expose it" : "exposed on " + o.host;
      System.err.println("[fruits] serving " + scheme + "://" + o.host + ":" + service.port() + "/ (" + reach + "; Ctrl-C to stop)");
      return -1; // serving: the JVM lives on in Jetty's threads
    });
    if (code >= 0) {
      if (opened[0] != null) {
        opened[0].close();
      }
      System.exit(code);
    }
  }
}
