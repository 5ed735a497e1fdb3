package dev.marquee.it.support;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The shipped marquee.war plus the test-only probes of {@code dev.marquee.it.probe}. */
public final class ProbeWar {

  private ProbeWar() {}

  public static WebArchive archive() {
    File war = new File(System.getProperty("marquee.war", "target/marquee.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war).addPackage("dev.marquee.it.probe");
  }

  /** The archive written to a file, for servers started outside Arquillian. */
  public static Path file(String name) {
    Path target =
        Path.of(System.getProperty("marquee.it.dir", "target/it"), name + ".war").toAbsolutePath();
    Directories.create(target.getParent());
    archive().as(ZipExporter.class).exportTo(target.toFile(), true);
    return target;
  }
}
