package dev.marquee.console.frame;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small Faces chores the page beans share. */
public final class Pages {

  private Pages() {}

  /** Shows a problem next to the form (the request stays on the page). */
  public static void problem(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** Ends the response with a redirect to a console path such as {@code /accounts.xhtml}. */
  public static void redirect(String path) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the response with a redirect out of the console (to Spotify's consent page). */
  public static void leaveFor(java.net.URI away) {
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect(away.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers 404 for this page: the thing asked for does not exist for the caller. The page then
   * renders only its "not found" block.
   */
  public static void notFound() {
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
  }

  /** What was typed into a secret field, as characters; nothing typed is none. */
  public static char[] typed(String field) {
    return field == null ? new char[0] : field.toCharArray();
  }

  public static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }
}
