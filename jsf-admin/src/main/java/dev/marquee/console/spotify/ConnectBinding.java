package dev.marquee.console.spotify;

import dev.marquee.admin.control.OneTimeSecrets;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/**
 * A random secret of this browser session that binds Spotify connect attempts to it: the attempt
 * stores its digest, and the callback must come back in a session holding the secret. A stolen or
 * planted {@code state} is useless in any other session.
 */
@SessionScoped
public class ConnectBinding implements Serializable {

  private static final long serialVersionUID = 1L;

  private String secret;

  public synchronized String secret() {
    if (secret == null) {
      secret = OneTimeSecrets.token();
    }
    return secret;
  }
}
