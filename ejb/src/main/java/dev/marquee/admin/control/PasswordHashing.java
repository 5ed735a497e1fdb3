package dev.marquee.admin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Console passwords as PBKDF2 hashes made by Jakarta Security's {@link Pbkdf2PasswordHash}:
 * HMAC-SHA-512, 210,000 iterations (OWASP's 2023 advice), a 32-byte random salt per password. The
 * parameters are stored inside each hash, so raising them later leaves old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

  static final Map<String, String> PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations", "210000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "32");

  @Inject Pbkdf2PasswordHash pbkdf2;

  private volatile String decoy;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(PARAMETERS);
  }

  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  public boolean verify(char[] password, String hash) {
    return pbkdf2.verify(password, hash);
  }

  /**
   * Spends the time of a real verification for a username that does not exist, so response times do
   * not tell which usernames do.
   */
  public void verifyDecoy(char[] password) {
    String known = decoy;
    if (known == null) {
      known = hash(OneTimeSecrets.token().toCharArray());
      decoy = known;
    }
    pbkdf2.verify(password, known);
  }
}
