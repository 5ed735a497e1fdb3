package dev.marquee.device;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * How the client runs on a screen, from the command line and the config file.
 *
 * @param output where frames go
 * @param size the frame size; {@code null} for the output's own (full screen, the framebuffer's)
 * @param png the file the PNG output writes
 * @param framebuffer the framebuffer device, {@code /dev/fb0}
 * @param cacheDirectory where album art is cached
 * @param cacheMaxBytes the art cache's cap
 * @param tokenFile where the device token is kept
 * @param logLevel how much the log says
 * @param framesPerSecond how often the progress is redrawn
 */
record RunSettings(
    OutputKind output,
    Dimension size,
    Path png,
    Path framebuffer,
    Path cacheDirectory,
    long cacheMaxBytes,
    Path tokenFile,
    Level logLevel,
    int framesPerSecond) {}
