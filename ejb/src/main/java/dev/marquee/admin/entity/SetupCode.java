package dev.marquee.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The SHA-256 of a first-run setup code printed in the log; gone once setup is done. */
@Entity
@Table(name = "setup_code")
public class SetupCode {

  @Id
  @Column(name = "code_hash")
  private String codeHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected SetupCode() {
    // for JPA
  }

  public SetupCode(String codeHash, Instant createdAt) {
    this.codeHash = codeHash;
    this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return "SetupCode[created " + createdAt + "]";
  }
}
