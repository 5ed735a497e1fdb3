package dev.marquee.api.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Marquee's JSON API for screens and tools, under /api. */
@ApplicationPath("/api")
public class MarqueeApi extends Application {}
