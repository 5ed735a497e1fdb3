package dev.marquee.widget.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class OptionsSchemaTest {

  private static final String SCHEMA =
      """
      {"theme": {"type": "string", "enum": ["dark", "light", "gradient"], "default": "gradient",
                 "label": "Theme"},
       "show_progress": {"type": "boolean", "default": true, "label": "Show progress"},
       "columns": {"type": "integer", "default": 2},
       "note": {"type": "string"}}
      """;

  private final OptionsSchema schema = OptionsSchema.parse(SCHEMA);

  @Test
  void valuesAreCompletedWithTheDefaultsInTheSchemasOrder() {
    JsonObject values = schema.validate("{\"show_progress\": false}");

    assertThat(values.toString())
        .isEqualTo("{\"theme\":\"gradient\",\"show_progress\":false,\"columns\":2}");
    assertThat(schema.options())
        .extracting(OptionsSchema.Option::key)
        .containsExactly("theme", "show_progress", "columns", "note");
    assertThat(schema.options().get(0).values()).containsExactly("dark", "light", "gradient");
    assertThat(schema.validate("").toString()).contains("\"theme\":\"gradient\"");
  }

  @Test
  void anUnknownKeyIsRefusedNamingIt() {
    assertThatThrownBy(() -> schema.validate("{\"colour\": \"red\"}"))
        .isInstanceOfSatisfying(
            InvalidOptionsException.class, e -> assertThat(e.field()).isEqualTo("colour"))
        .hasMessage(
            "Unknown option \"colour\"; this widget has: theme, show_progress, columns, note");
  }

  @Test
  void aWrongTypeIsRefusedNamingTheFieldAndTheType() {
    assertThatThrownBy(() -> schema.validate("{\"show_progress\": \"yes\"}"))
        .isInstanceOfSatisfying(
            InvalidOptionsException.class, e -> assertThat(e.field()).isEqualTo("show_progress"))
        .hasMessage("Option \"show_progress\" must be true or false.");
    assertThatThrownBy(() -> schema.validate("{\"columns\": 2.5}"))
        .hasMessage("Option \"columns\" must be a whole number.");
    assertThatThrownBy(() -> schema.validate("{\"theme\": 3}"))
        .hasMessage("Option \"theme\" must be a string.");
  }

  @Test
  void aValueOutsideTheEnumIsRefusedListingTheChoices() {
    assertThatThrownBy(() -> schema.validate("{\"theme\": \"neon\"}"))
        .isInstanceOfSatisfying(
            InvalidOptionsException.class, e -> assertThat(e.field()).isEqualTo("theme"))
        .hasMessage("Option \"theme\" must be one of: dark, light, gradient.");
  }

  @Test
  void malformedOversizeOrNonObjectValuesAreRefused() {
    assertThatThrownBy(() -> schema.validate("{\"theme\": "))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("Option values: not valid JSON.");
    assertThatThrownBy(() -> schema.validate("[1, 2]"))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("Option values: not a JSON object.");
    String huge = "{\"note\": \"" + "x".repeat(OptionsSchema.MAX_VALUES_LENGTH) + "\"}";
    assertThatThrownBy(() -> schema.validate(huge))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("longer than 4096 characters");
  }

  @Test
  void aNullValueFallsBackToTheDefault() {
    assertThat(schema.validate("{\"theme\": null}").getString("theme")).isEqualTo("gradient");
  }

  @Test
  void aMalformedSchemaIsADefinitionsBug() {
    assertThatThrownBy(() -> OptionsSchema.parse("{\"x\": {\"type\": \"colour\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown type");
    assertThatThrownBy(
            () ->
                OptionsSchema.parse(
                    "{\"x\": {\"type\": \"string\", \"enum\": [\"a\"], \"default\": \"b\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default is not allowed");
  }

  @Test
  void formValuesBecomeTypedJsonAndANonNumberIsStillRefusedByName() {
    java.util.Map<String, Object> typed = new java.util.HashMap<>();
    typed.put("theme", "dark");
    typed.put("show_progress", Boolean.FALSE);
    typed.put("columns", " 3 ");
    typed.put("note", "");

    assertThat(schema.fromForm(typed))
        .isEqualTo("{\"theme\":\"dark\",\"show_progress\":false,\"columns\":3}");
    typed.put("columns", "three");
    assertThatThrownBy(() -> schema.validate(schema.fromForm(typed)))
        .hasMessage("Option \"columns\" must be a whole number.");
  }

  @Test
  void aCheckboxValueOtherThanTrueOrFalseIsRefusedNotReadAsFalse() {
    java.util.Map<String, Object> typed = new java.util.HashMap<>();
    typed.put("theme", "dark");
    typed.put("show_progress", "maybe");

    assertThatThrownBy(() -> schema.validate(schema.fromForm(typed)))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("Option \"show_progress\" must be true or false.");
    typed.put("show_progress", "false");
    assertThat(schema.validate(schema.fromForm(typed)).getBoolean("show_progress")).isFalse();
  }

  @Test
  void anEmptyChoiceIsRefusedNotReplacedByTheDefault() {
    java.util.Map<String, Object> typed = new java.util.HashMap<>();
    typed.put("theme", "");
    typed.put("show_progress", Boolean.TRUE);

    assertThatThrownBy(() -> schema.fromForm(typed))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("Theme: choose one of dark, light, gradient; an empty choice is not one.");
    typed.remove("theme");
    assertThatThrownBy(() -> schema.fromForm(typed)).isInstanceOf(InvalidOptionsException.class);
  }

  @Test
  void enumLabelsNameTheChoicesAndAValueWithoutOneShowsAsItself() {
    OptionsSchema labelled =
        OptionsSchema.parse(
            """
            {"idle": {"type": "string", "enum": ["clock", "last-track-dimmed"],
                      "enum_labels": {"last-track-dimmed": "The last track, dimmed"},
                      "label": "When nothing plays"}}
            """);

    assertThat(labelled.options().get(0).choices())
        .containsExactly(
            new OptionsSchema.Choice("clock", "clock"),
            new OptionsSchema.Choice("last-track-dimmed", "The last track, dimmed"));
    // Admins read the labels; the stored value is still the enum's.
    assertThatThrownBy(() -> labelled.fromForm(java.util.Map.of()))
        .hasMessage(
            "When nothing plays: choose one of clock, The last track, dimmed; an empty choice is"
                + " not one.");
    assertThat(labelled.validate("{\"idle\": \"last-track-dimmed\"}").toString())
        .isEqualTo("{\"idle\":\"last-track-dimmed\"}");
  }

  @Test
  void aLabelForAValueOutsideTheEnumOrWithoutAnEnumIsADefinitionsBug() {
    assertThatThrownBy(
            () ->
                OptionsSchema.parse(
                    """
                    {"idle": {"type": "string", "enum": ["clock"],
                              "enum_labels": {"clok": "A clock"}}}
                    """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enum_labels names clok, which is not in its enum");
    assertThatThrownBy(
            () ->
                OptionsSchema.parse(
                    "{\"note\": {\"type\": \"string\", \"enum_labels\": {\"a\": \"A\"}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enum_labels without an enum");
  }

  @Test
  void aKeyThatCannotBePartOfAnElementIdIsADefinitionsBug() {
    for (String key : java.util.List.of("Theme", "show progress", "a:b", "1st", "")) {
      assertThatThrownBy(() -> OptionsSchema.parse("{\"" + key + "\": {\"type\": \"boolean\"}}"))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("keys are lower-case words joined by underscores");
    }
  }
}
