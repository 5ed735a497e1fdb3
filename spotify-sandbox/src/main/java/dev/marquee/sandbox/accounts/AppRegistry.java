package dev.marquee.sandbox.accounts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The apps known to the accounts service. Thread-safe. */
public final class AppRegistry {

  private final ConcurrentMap<String, ClientApp> apps = new ConcurrentHashMap<>();

  /**
   * @throws IllegalArgumentException when the client id is already registered
   */
  public void register(ClientApp app) {
    if (apps.putIfAbsent(app.clientId(), app) != null) {
      throw new IllegalArgumentException("Client id already registered: " + app.clientId());
    }
  }

  public Optional<ClientApp> find(String clientId) {
    return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
  }

  public List<String> clientIds() {
    return apps.keySet().stream().sorted().toList();
  }
}
