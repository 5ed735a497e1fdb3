package dev.marquee.database.control;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For UUID columns that may be NULL: EclipseLink's built-in UUID conversion fails on reading a NULL
 * (a NullPointerException in its UUIDConverter), so such attributes use this pass-through
 * converter, which both databases' drivers bind and read as {@link UUID}.
 */
@Converter(autoApply = false)
public class NullableUuid implements AttributeConverter<UUID, UUID> {

  @Override
  public UUID convertToDatabaseColumn(UUID attribute) {
    return attribute;
  }

  @Override
  public UUID convertToEntityAttribute(UUID column) {
    return column;
  }
}
