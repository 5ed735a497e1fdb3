package dev.marquee.widget.boundary;

import java.util.UUID;

/**
 * A widget configuration's name, options or sources changed. Fired inside the changing transaction;
 * the live feed observes it after success and sends its screens their new state.
 */
public record WidgetConfigurationChanged(UUID configurationId) {}
