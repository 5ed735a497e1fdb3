package dev.marquee.console.frame;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UISelectBoolean;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.Set;

/**
 * Refuses a checkbox value no browser sends. Faces reads every submitted value other than "on",
 * "yes" and "true" as unticked, so a tampered {@code maybe} would be saved as false; this default
 * validator (faces-config.xml) checks what was actually sent for every checkbox of the console. Not
 * sent or empty is unticked (the console reads empty fields as not given), "on" (what a browser
 * sends) and "true" are ticked, "false" is unticked; anything else is refused with the field's
 * name, and the form saves nothing.
 */
public class CheckboxValues implements Validator<Object> {

  /** The validator id faces-config.xml registers as a default validator. */
  public static final String ID = "marquee.checkboxValues";

  private static final Set<String> ACCEPTED = Set.of("", "on", "true", "false");

  @Override
  public void validate(FacesContext context, UIComponent component, Object value) {
    if (!(component instanceof UISelectBoolean)) {
      return;
    }
    String sent =
        context.getExternalContext().getRequestParameterMap().get(component.getClientId(context));
    if (sent == null || ACCEPTED.contains(sent)) {
      return;
    }
    Object label = component.getAttributes().get("label");
    throw new ValidatorException(
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            (label == null ? "A checkbox" : label)
                + ": a checkbox is either ticked or not; the value sent was neither.",
            null));
  }
}
