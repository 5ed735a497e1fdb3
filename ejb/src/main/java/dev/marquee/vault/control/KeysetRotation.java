package dev.marquee.vault.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes a vault keyset for key rotation. The primary key seals, every enabled key opens, so a
 * rotation never makes a stored value unreadable as long as its key stays in the keyset.
 *
 * <h2>How an operator rotates the vault key</h2>
 *
 * <ol>
 *   <li>Back up the current keyset (the file, or the value of {@code marquee.vault.keyset}).
 *   <li>Add a new key, not yet primary: {@code tinkey add-key --key-template AES256_GCM --in
 *       vault-keyset.json --out new.json}, or this helper's {@code add FILE}; restart Marquee with
 *       the new keyset. With several Marquee instances, restart every one before the next step, so
 *       none meets a value sealed with a key it does not know.
 *   <li>Make it primary: {@code tinkey promote-key --key-id NEW --in new.json --out promoted.json},
 *       or {@code promote FILE NEW}; restart again. New values are sealed with the new key; values
 *       sealed with the old one still open. (On a single instance, {@code add-primary FILE} does
 *       steps 2 and 3 at once.)
 *   <li>Values are sealed with the primary key whenever they are written again; until then, a value
 *       for which {@link Keyring#needsResealing} is true still depends on the old key.
 *   <li>Only when no stored value needs the old key any more, remove it: {@code tinkey delete-key
 *       --key-id OLD --in promoted.json --out final.json}, or {@code remove FILE OLD}; restart. A
 *       value still sealed with it no longer opens (the admin reconnects that account or enters
 *       that client secret again). Keep the backup from step 1 until you are sure.
 * </ol>
 *
 * <p>Key ids are those Tink's JSON and {@code tinkey list-keyset} show; {@code list FILE} prints
 * them too. {@code create FILE} makes a production keyset ({@code tinkey create-keyset
 * --key-template AES256_GCM --out FILE} does the same). The helper runs from a source checkout:
 * {@code ./mvnw -q -pl ejb compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=dev.marquee.vault.control.KeysetRotation -Dexec.args="list
 * /abs/path/vault-keyset.json"}. It rewrites the file whole, with owner-only permissions, and
 * prints the key ids after each change.
 *
 * <p>The methods take and return cleartext Tink JSON keysets; they never print key material.
 */
public final class KeysetRotation {

  private static final String ORIGIN = "the given keyset";

  private KeysetRotation() {}

  /**
   * The keyset with a new AES256_GCM key added.
   *
   * @param makePrimary whether the new key seals from now on; false to distribute it first
   */
  public static String addKey(String keysetJson, boolean makePrimary) {
    KeysetHandle keyset = parse(keysetJson);
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    KeysetHandle.Builder.Entry entry =
        KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
            .withRandomId()
            .setStatus(KeyStatus.ENABLED);
    if (makePrimary) {
      entry.makePrimary();
    }
    builder.addEntry(entry);
    return build(builder);
  }

  /** The keyset with the given key as primary. */
  public static String promote(String keysetJson, long keyId) {
    KeysetHandle keyset = parse(keysetJson);
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    builder.getAt(indexOf(keyset, keyId)).makePrimary();
    return build(builder);
  }

  /**
   * The keyset without the given key: values it sealed no longer open.
   *
   * @throws IllegalArgumentException for the primary key, which must be replaced first
   */
  public static String remove(String keysetJson, long keyId) {
    KeysetHandle keyset = parse(keysetJson);
    int index = indexOf(keyset, keyId);
    if (keyset.getAt(index).isPrimary()) {
      throw new IllegalArgumentException(
          "Key " + keyId + " is the primary key: promote another key before removing it.");
    }
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    builder.deleteAt(index);
    return build(builder);
  }

  /** One line per key: its id, whether it is primary, its status. No key material. */
  public static List<String> describe(String keysetJson) {
    KeysetHandle keyset = parse(keysetJson);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < keyset.size(); i++) {
      KeysetHandle.Entry entry = keyset.getAt(i);
      lines.add(
          "key "
              + Keyring.unsigned(entry.getId())
              + (entry.isPrimary() ? " primary" : "")
              + " "
              + entry.getStatus());
    }
    return lines;
  }

  /**
   * {@code create FILE}, {@code list FILE}, {@code add FILE}, {@code add-primary FILE}, {@code
   * promote FILE ID}, {@code remove FILE ID}: see the class comment. Exits with 1 and one line on
   * standard error when something is wrong.
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** What {@link #main} does, with its streams and exit status in the open for tests. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2) {
      err.println(
          "usage: KeysetRotation create|list|add|add-primary FILE, or promote|remove FILE ID");
      return 2;
    }
    String command = args[0];
    Path file = Path.of(args[1]);
    try {
      if (command.equals("create")) {
        create(file);
      } else {
        String keyset = Files.readString(file, UTF_8);
        switch (command) {
          case "list" -> {}
          case "add" -> write(file, addKey(keyset, false));
          case "add-primary" -> write(file, addKey(keyset, true));
          case "promote" -> write(file, promote(keyset, keyIdArgument(args)));
          case "remove" -> write(file, remove(keyset, keyIdArgument(args)));
          default -> throw new IllegalArgumentException("Unknown command " + command + ".");
        }
      }
      describe(Files.readString(file, UTF_8)).forEach(out::println);
      return 0;
    } catch (IOException e) {
      err.println("Cannot use " + file + ": " + e.getClass().getSimpleName() + ".");
    } catch (IllegalArgumentException | KeysetUnavailableException e) {
      // Both messages are written to be shown and hold no key material.
      err.println(e.getMessage());
    }
    return 1;
  }

  private static long keyIdArgument(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException("Name the key id, as `list` shows it.");
    }
    try {
      return Long.parseLong(args[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a key id: " + args[2] + ".");
    }
  }

  /** A new keyset in a new file; never replaces one, which would lose its keys. */
  private static void create(Path file) throws IOException {
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " exists already; it is not replaced.");
    }
    write(file, KeysetSource.newKeysetJson());
  }

  /** Replaces the file whole, owner-only, so a failure leaves the old keyset in place. */
  private static void write(Path file, String keyset) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary =
        Files.createTempFile(
            directory, ".vault-keyset-", ".tmp", KeysetSource.ownerOnly("rw-------"));
    try {
      Files.writeString(temporary, keyset, UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static KeysetHandle parse(String keysetJson) {
    KeysetHandle keyset = KeysetSource.parse(keysetJson, ORIGIN);
    // Refuse keysets the vault would refuse, before changing them.
    Keyring.of(keyset, ORIGIN);
    return keyset;
  }

  private static int indexOf(KeysetHandle keyset, long keyId) {
    for (int i = 0; i < keyset.size(); i++) {
      if (Integer.toUnsignedLong(keyset.getAt(i).getId()) == keyId) {
        return i;
      }
    }
    throw new IllegalArgumentException("The keyset has no key " + keyId + ".");
  }

  private static String build(KeysetHandle.Builder builder) {
    try {
      KeysetHandle keyset = builder.build();
      Keyring.of(keyset, ORIGIN);
      return KeysetSource.serialize(keyset);
    } catch (GeneralSecurityException e) {
      // Tink's messages here are about ids and statuses, not key bytes.
      throw new IllegalStateException("Cannot build the changed keyset: " + e.getMessage(), e);
    }
  }
}
