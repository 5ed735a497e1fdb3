package dev.marquee.admin.entity;

import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

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
    this.createdAt = utc(createdAt);
  }

  @Override
  public String toString() {
    return "SetupCode[created " + createdAt + "]";
  }
}
