package dev.marquee.device;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message the client sends to the server: a JSON text frame whose {@code "type"} names it.
 * Jackson writes the type first, from the names below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello")})
sealed interface ClientMessage {

  /**
   * The first message on every connection: {@code
   * {"type":"hello","client":"marquee-device/0.1.0"}}.
   *
   * @param client the client's name and version
   */
  record Hello(String client) implements ClientMessage {}
}
