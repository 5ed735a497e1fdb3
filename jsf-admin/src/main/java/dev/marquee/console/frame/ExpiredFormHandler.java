package dev.marquee.console.frame;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form posted with a view state the server does not hold (the page was open longer than the
 * session, or the post was forged or replayed) changes nothing: the admin is sent back to the same
 * page with a notice to try again, and the log gets one line instead of the container's stack
 * trace. Registered in {@code faces-config.xml}.
 */
public class ExpiredFormHandler extends ExceptionHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(ExpiredFormHandler.class.getName());

  static final String NOTICE =
      "This page had expired, so nothing was changed. Please check the page and try again.";

  public ExpiredFormHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
    while (queued.hasNext()) {
      Throwable thrown = queued.next().getContext().getException();
      ViewExpiredException expired = expiredIn(thrown);
      if (expired != null) {
        queued.remove();
        sendBack(expired.getViewId());
      }
    }
    getWrapped().handle();
  }

  private static ViewExpiredException expiredIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ViewExpiredException expired) {
        return expired;
      }
    }
    return null;
  }

  private static void sendBack(String viewId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    String page = consolePath(viewId);
    LOG.info(
        () ->
            "Refused a form with an expired or unknown view state for "
                + page
                + " from "
                + Pages.request().getRemoteAddr());
    CDI.current().select(Notices.class).get().problem(NOTICE);
    try {
      external.redirect(external.getRequestContextPath() + page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /** The page to return to: the posted view when it is a plain console path, else the overview. */
  static String consolePath(String viewId) {
    if (viewId == null || !viewId.matches("/[A-Za-z0-9-]+(/[A-Za-z0-9-]+)*\\.xhtml")) {
      return "/";
    }
    return viewId;
  }

  /** Installs the handler in front of the implementation's own. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new ExpiredFormHandler(getWrapped().getExceptionHandler());
    }
  }
}
