package dev.marquee.vault.entity;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret as stored: the ciphertext made by the vault, ready for a {@code BYTEA} or {@code
 * VARBINARY} column. The bytes start with Tink's output prefix, which names the key that sealed
 * them, so a value still opens after the key rotates.
 *
 * <p>The ciphertext reveals nothing without the key, but it is still never printed: {@link
 * #toString()} gives only the length, so a logged entity or a failed assertion cannot leak it to
 * someone who later gets the key.
 *
 * @param ciphertext the stored bytes; copied in and out, so a caller cannot change a value
 */
public record Sealed(byte[] ciphertext) {

  public Sealed {
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (ciphertext.length == 0) {
      throw new IllegalArgumentException("A sealed value is never empty.");
    }
    ciphertext = ciphertext.clone();
  }

  /** A copy of the stored bytes, to write to the database. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** How many bytes the stored value takes. */
  public int length() {
    return ciphertext.length;
  }

  // A record compares arrays by reference; two reads of the same column must be equal.
  @Override
  public boolean equals(Object other) {
    return other instanceof Sealed sealed && Arrays.equals(ciphertext, sealed.ciphertext);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "Sealed[" + ciphertext.length + " bytes]";
  }
}
