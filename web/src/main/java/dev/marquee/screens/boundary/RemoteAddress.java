package dev.marquee.screens.boundary;

import jakarta.websocket.Session;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The address a screen's socket comes from, for the console. Jakarta WebSocket has no portable way
 * to ask; Payara's Tyrus session answers {@code getRemoteAddr()}, looked up by name because the
 * application cannot rely on seeing Tyrus's classes.
 */
final class RemoteAddress {

  static final String UNKNOWN = "unknown";

  private RemoteAddress() {}

  static String of(Session session) {
    try {
      Method method = session.getClass().getMethod("getRemoteAddr");
      Object address = method.invoke(session);
      return address == null ? UNKNOWN : address.toString();
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      return UNKNOWN;
    }
  }
}
