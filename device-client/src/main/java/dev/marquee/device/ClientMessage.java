package dev.marquee.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message the client sends to the server: a JSON text frame whose {@code "type"} names it.
 * Jackson writes the type first, from the names below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping")
})
sealed interface ClientMessage {

  /**
   * The first message on every connection: {@code
   * {"type":"hello","token":"…","version":"…","client":"marquee-device/0.1.0"}}. Without a token
   * (the {@code --check}) only the client is sent.
   *
   * @param token the device token, or {@code null} for a check
   * @param version the version of the state the screen shows, or {@code null}
   * @param client the client's name and version
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"token", "version", "client"})
  record Hello(String token, String version, String client) implements ClientMessage {

    /** The check's hello: who the client is, nothing more. */
    Hello(String client) {
      this(null, null, client);
    }

    /** Never the token: messages end up in logs and exceptions. */
    @Override
    public String toString() {
      return "Hello[version=" + version + ", client=" + client + "]";
    }
  }

  /** Asks for the server's time: {@code {"type":"ping"}}. */
  record Ping() implements ClientMessage {}
}
