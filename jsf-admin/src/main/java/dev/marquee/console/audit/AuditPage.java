package dev.marquee.console.audit;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs the audit log page: the newest events the admin may read. */
@Named
@RequestScoped
public class AuditPage {

  @Inject AuditLog auditLog;

  @Inject CurrentAdmin currentAdmin;

  private List<AuditEvent> events;

  public List<AuditEvent> getEvents() {
    if (events == null) {
      events = auditLog.recent(currentAdmin.require());
    }
    return events;
  }

  public int getPageSize() {
    return AuditLog.PAGE_SIZE;
  }
}
