package io.fruits.serve;

/**
 * {@code fruits serve --run RUN [--port 8080]}: loads the run's model, PCA and classifier once and
 * serves the page and {@code POST /predict} until stopped.
 */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) throws Exception {
    ServeOptions o;
    try {
      o = ServeOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("fruits serve: " + e.getMessage());
      System.exit(2);
      return;
    }
    FruitPredictor predictor;
    try {
      predictor = FruitPredictor.open(o.run, o.model, o.maxPixels, Runtime.getRuntime().availableProcessors());
    } catch (IllegalArgumentException e) {
      System.err.println("fruits serve: " + e.getMessage());
      System.exit(2);
      return;
    }
    FruitService service = new FruitService(predictor, o.maxBytes).start(o.port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      predictor.close();
    }));
    System.err.println("[fruits] serving http://localhost:" + service.port() + "/ (Ctrl-C to stop)");
  }
}
