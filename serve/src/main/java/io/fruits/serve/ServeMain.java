package io.fruits.serve;

/**
 * {@code fruits serve --run RUN [--host 127.0.0.1] [--port 8080] [--tls-keystore FILE.p12]}: loads
 * the run's model, PCA and classifier once and serves the page and {@code POST /predict} until
 * stopped. It listens on this machine only unless {@code --host} says otherwise. A wrong option
 * or run ends with one line and exit code 2, a failure to start with one line and exit code 1.
 */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) {
    FruitPredictor predictor = null;
    try {
      ServeOptions o = ServeOptions.parse(args);
      String password = null;
      if (o.keystore != null) {
        password = o.tlsPassword();
        Connectors.checkKeystore(o.keystore, password);
      }
      ServiceLimits limits = o.limits();
      predictor = FruitPredictor.open(o.run, o.model, o.maxPixels, Runtime.getRuntime().availableProcessors());
      FruitService service = new FruitService(predictor, limits, o.host, o.keystore, password).start(o.port);
      FruitPredictor loaded = predictor;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        service.close();
        loaded.close();
      }));
      String scheme = o.keystore == null ? "http" : "https";
      String reach = o.host.equals("127.0.0.1") || o.host.equals("localhost") || o.host.equals("::1")
          ? "this machine only; --host 0.0.0.0 to expose it" : "exposed on " + o.host;
      System.err.println("[fruits] serving " + scheme + "://" + o.host + ":" + service.port() + "/ (" + reach + "; Ctrl-C to stop)");
    } catch (IllegalArgumentException e) {
      System.err.println("fruits serve: " + e.getMessage());
      close(predictor);
      System.exit(2);
    } catch (Exception e) {
      System.err.println("fruits serve: could not start: " + e.getMessage());
      close(predictor);
      System.exit(1);
    }
  }

  private static void close(FruitPredictor predictor) {
    if (predictor != null) {
      predictor.close();
    }
  }
}
