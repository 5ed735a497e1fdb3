package dev.marquee.screens.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;

/**
 * Puts a {@link FrameGuard} between a screen's connection and the WebSocket implementation, with
 * the Servlet API alone: an oversize frame is refused from its header (1009) and an unmasked one as
 * a protocol error (1002) before a byte of its payload is buffered.
 *
 * <p>Why here: Tyrus (Payara's WebSocket implementation) buffers a frame whole before it looks at
 * it, up to its incoming buffer size; the endpoint's message limit applies only after that. Tyrus
 * upgrades the connection from its own filter (mapped to {@code /*} after the application's
 * filters) by calling {@link HttpServletRequest#upgrade} on the request it is given. This filter
 * hands it a request whose {@code upgrade} registers a {@link GuardedUpgrade} with the container
 * instead, creates Tyrus's handler itself and returns it to Tyrus to configure; the container then
 * initialises the guarded handler, which initialises Tyrus's with a connection whose input passes
 * through the guard. Requests that are not upgraded pass through untouched.
 */
@WebFilter(urlPatterns = "/ws/screen", asyncSupported = true)
public class FrameGuardFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new GuardedRequest(request), response);
  }

  private static final class GuardedRequest extends HttpServletRequestWrapper {

    GuardedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass)
        throws IOException, ServletException {
      T handler;
      try {
        handler = handlerClass.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new ServletException("Cannot create the upgrade handler " + handlerClass, e);
      }
      GuardedUpgrade guarded = super.upgrade(GuardedUpgrade.class);
      guarded.delegate = handler;
      return handler;
    }
  }

  /**
   * The handler the container knows: it hands the WebSocket implementation's handler the guarded
   * connection. Public with a public constructor: the container creates it.
   */
  public static class GuardedUpgrade implements HttpUpgradeHandler {

    private HttpUpgradeHandler delegate;

    @Override
    public void init(WebConnection connection) {
      delegate.init(new GuardedConnection(connection));
    }

    @Override
    public void destroy() {
      if (delegate != null) {
        delegate.destroy();
      }
    }
  }

  private static final class GuardedConnection implements WebConnection {

    private final WebConnection connection;
    private GuardedInputStream input;

    GuardedConnection(WebConnection connection) {
      this.connection = connection;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
      if (input == null) {
        input = new GuardedInputStream(connection.getInputStream(), FrameGuard.forScreens());
      }
      return input;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return connection.getOutputStream();
    }

    @Override
    public void close() throws Exception {
      connection.close();
    }
  }
}
