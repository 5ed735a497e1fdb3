package dev.marquee.widget.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A widget definition's options schema, as the Castmill seed's definitions write it: an object of
 * option keys, each with a {@code type} ({@code string}, {@code boolean}, {@code number} or {@code
 * integer}), an optional {@code enum}, {@code enum_labels} (what the console shows for each value
 * of the enum: {@code {"last-track-dimmed": "The last track, dimmed"}}; a value without one shows
 * as itself), {@code default}, {@code label} and {@code description}. Keys are lower-case words
 * joined by underscores, so the console can use them in element ids. It checks an admin's option
 * values (unknown keys, wrong types and values outside an enum are refused, naming the field) and
 * completes them with the defaults, and it lists the options in order so the console can generate
 * its form from the schema.
 */
public final class OptionsSchema {

  /** Longest option values document accepted, in characters. */
  public static final int MAX_VALUES_LENGTH = 4_096;

  private static final java.util.regex.Pattern KEY =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

  /** One value of an enum and the words the console shows for it. */
  public record Choice(String value, String label) {}

  /** One option of the schema. */
  public record Option(
      String key,
      String type,
      List<Choice> choices,
      JsonValue defaultValue,
      String label,
      String description) {

    public boolean isChoice() {
      return !choices.isEmpty();
    }

    /** The enum's values, in the schema's order. */
    public List<String> values() {
      return choices.stream().map(Choice::value).toList();
    }

    /** The enum's labels, in the schema's order, for messages to admins. */
    String labels() {
      return String.join(", ", choices.stream().map(Choice::label).toList());
    }
  }

  private final Map<String, Option> options;

  private OptionsSchema(Map<String, Option> options) {
    this.options = Collections.unmodifiableMap(options);
  }

  /**
   * Reads a schema.
   *
   * @throws IllegalArgumentException when the schema itself is malformed (a definition's bug)
   */
  public static OptionsSchema parse(String json) {
    JsonObject schema = readObject(json, "options schema");
    Map<String, Option> options = new LinkedHashMap<>();
    schema.forEach((key, value) -> options.put(key, option(key, value)));
    return new OptionsSchema(options);
  }

  public List<Option> options() {
    return List.copyOf(options.values());
  }

  /**
   * The complete option values: the given ones, checked, plus the defaults of the options not
   * given.
   *
   * @param json the admin's values, a JSON object
   * @throws InvalidOptionsException when a value is not allowed; nothing is returned then
   */
  public JsonObject validate(String json) {
    if (json == null || json.isBlank()) {
      json = "{}";
    }
    if (json.length() > MAX_VALUES_LENGTH) {
      throw new InvalidOptionsException(
          null, "The option values are longer than " + MAX_VALUES_LENGTH + " characters.");
    }
    JsonObject values;
    try {
      values = readObject(json, "option values");
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionsException(null, e.getMessage());
    }
    return validate(values);
  }

  /** As {@link #validate(String)}, for values already parsed. */
  public JsonObject validate(JsonObject values) {
    for (String key : values.keySet()) {
      if (!options.containsKey(key)) {
        throw new InvalidOptionsException(
            key, "Unknown option \"" + key + "\"; this widget has: " + String.join(", ", keys()));
      }
    }
    JsonObjectBuilder complete = Json.createObjectBuilder();
    for (Option option : options.values()) {
      JsonValue value = values.containsKey(option.key()) ? values.get(option.key()) : null;
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        if (option.defaultValue() != null) {
          complete.add(option.key(), option.defaultValue());
        }
        continue;
      }
      check(option, value);
      complete.add(option.key(), value);
    }
    return complete.build();
  }

  /**
   * What a form generated from this schema sent, as the JSON object {@link #validate} checks:
   * checkbox values as booleans, numbers parsed, blank text and number fields left out so their
   * defaults apply. Nothing is coerced: a checkbox value other than true or false, or a number that
   * is not one, stays text, so validation refuses it naming the field; a choice left empty (a form
   * always sends one of its choices) is refused here.
   *
   * @throws InvalidOptionsException for a choice without a value
   */
  public String fromForm(Map<String, ?> typed) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    for (Option option : options.values()) {
      Object value = typed.get(option.key());
      boolean blank = value == null || (value instanceof String text && text.isBlank());
      if (blank && option.isChoice()) {
        throw new InvalidOptionsException(
            option.key(),
            option.label()
                + ": choose one of "
                + option.labels()
                + "; an empty choice is not one.");
      }
      if (blank) {
        continue;
      }
      switch (option.type()) {
        case "boolean" -> addBoolean(json, option.key(), value);
        case "number", "integer" -> addNumber(json, option.key(), value.toString());
        default -> json.add(option.key(), value.toString());
      }
    }
    return json.build().toString();
  }

  private static void addBoolean(JsonObjectBuilder json, String key, Object value) {
    if (value instanceof Boolean flag) {
      json.add(key, flag);
    } else if ("true".equals(value) || "false".equals(value)) {
      json.add(key, Boolean.parseBoolean((String) value));
    } else {
      json.add(key, value.toString());
    }
  }

  private static void addNumber(JsonObjectBuilder json, String key, String typed) {
    try {
      json.add(key, new BigDecimal(typed.strip()));
    } catch (NumberFormatException e) {
      json.add(key, typed);
    }
  }

  private List<String> keys() {
    return new ArrayList<>(options.keySet());
  }

  private static void check(Option option, JsonValue value) {
    if (!hasType(option.type(), value)) {
      throw new InvalidOptionsException(
          option.key(), "Option \"" + option.key() + "\" must be " + article(option.type()) + ".");
    }
    if (option.isChoice() && !option.values().contains(((JsonString) value).getString())) {
      throw new InvalidOptionsException(
          option.key(),
          "Option \""
              + option.key()
              + "\" must be one of: "
              + String.join(", ", option.values())
              + ".");
    }
  }

  private static boolean hasType(String type, JsonValue value) {
    return switch (type) {
      case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
      case "boolean" ->
          value.getValueType() == JsonValue.ValueType.TRUE
              || value.getValueType() == JsonValue.ValueType.FALSE;
      case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
      case "integer" ->
          value.getValueType() == JsonValue.ValueType.NUMBER
              && ((jakarta.json.JsonNumber) value).isIntegral();
      default -> false;
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "integer" -> "a whole number";
      case "boolean" -> "true or false";
      default -> "a " + type;
    };
  }

  private static Option option(String key, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException("Option " + key + " is not described by an object");
    }
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "Option " + key + ": keys are lower-case words joined by underscores");
    }
    JsonObject described = value.asJsonObject();
    String type = described.getString("type", "");
    if (!List.of("string", "boolean", "number", "integer").contains(type)) {
      throw new IllegalArgumentException("Option " + key + " has an unknown type: " + type);
    }
    Option option =
        new Option(
            key,
            type,
            choices(key, type, described),
            described.get("default"),
            described.getString("label", key),
            described.getString("description", ""));
    if (option.defaultValue() != null) {
      try {
        check(option, option.defaultValue());
      } catch (InvalidOptionsException e) {
        throw new IllegalArgumentException("Option " + key + ": its default is not allowed", e);
      }
    }
    return option;
  }

  private static List<Choice> choices(String key, String type, JsonObject described) {
    if (!described.containsKey("enum")) {
      if (described.containsKey("enum_labels")) {
        throw new IllegalArgumentException("Option " + key + ": enum_labels without an enum");
      }
      return List.of();
    }
    if (!type.equals("string")) {
      throw new IllegalArgumentException("Option " + key + ": only strings have choices");
    }
    List<String> values =
        described.getJsonArray("enum").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    JsonObject labels =
        described.containsKey("enum_labels")
            ? described.getJsonObject("enum_labels")
            : JsonValue.EMPTY_JSON_OBJECT;
    for (String labelled : labels.keySet()) {
      if (!values.contains(labelled)) {
        throw new IllegalArgumentException(
            "Option " + key + ": enum_labels names " + labelled + ", which is not in its enum");
      }
    }
    List<Choice> choices = new ArrayList<>();
    for (String choice : values) {
      choices.add(new Choice(choice, labels.getString(choice, choice)));
    }
    return List.copyOf(choices);
  }

  private static JsonObject readObject(String json, String what) {
    Objects.requireNonNull(json, what);
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException(capitalized(what) + ": not a JSON object.");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new IllegalArgumentException(capitalized(what) + ": not valid JSON.", e);
    } catch (JsonException e) {
      throw new IllegalArgumentException(capitalized(what) + ": not readable as JSON.", e);
    }
  }

  private static String capitalized(String what) {
    return Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
