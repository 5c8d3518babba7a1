package io.fruits.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one listening socket of the service: plain HTTP, or HTTPS with a PKCS12 keystore (phone
 * photos carry where they were taken). Idle connections are closed after {@link #IDLE_MILLIS};
 * slow headers hold no thread (Jetty reads them without blocking) and are bounded by that timeout
 * and the 8 KiB header limit; slow bodies are cut off by the minimum data rate. The timeout is
 * longer than a request's deadline: a connection whose upload waits for a free thread during a
 * burst is idle too, and must get its 200 or 503 rather than be closed unanswered.
 */
final class Connectors {
  static final long IDLE_MILLIS = 30_000;

  private Connectors() {}

  /** {@code keystore} null: plain HTTP. */
  static ServerConnector create(Server server, HttpConfiguration http, String host, int port, Path keystore, String password) {
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector;
    if (keystore == null) {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(keystore.toString());
      ssl.setKeyStoreType("PKCS12");
      ssl.setKeyStorePassword(password);
      HttpConfiguration https = new HttpConfiguration(http);
      // No SNI host check: the service is reached by IP on a LAN as often as by name.
      https.addCustomizer(new SecureRequestCustomizer(false));
      connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    }
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_MILLIS);
    return connector;
  }

  /** Fails with one line when the keystore cannot be used, before anything listens. */
  static void checkKeystore(Path keystore, String password) {
    if (!Files.isRegularFile(keystore)) {
      throw new IllegalArgumentException("--tls-keystore " + keystore + " is not a file; give a PKCS12 keystore (.p12)");
    }
    try (var in = Files.newInputStream(keystore)) {
      java.security.KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
    } catch (Exception e) {
      throw new IllegalArgumentException("--tls-keystore " + keystore + " cannot be opened as PKCS12 with the password in "
          + ServeOptions.TLS_PASSWORD_ENV + "; check both");
    }
  }
}
