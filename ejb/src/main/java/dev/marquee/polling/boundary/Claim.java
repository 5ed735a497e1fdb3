package dev.marquee.polling.boundary;

import dev.marquee.polling.entity.PollOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An account a poller holds the lease of: poll it once, then {@link PollSchedules#record} or {@link
 * PollSchedules#defer} with the same token.
 *
 * @param dueAt when the poll was scheduled (lateness is measured against it)
 * @param lastOutcome how the previous poll went; ranks the account for the call budget
 */
public record Claim(
    UUID accountId,
    UUID organizationId,
    UUID appId,
    String leaseToken,
    Instant dueAt,
    Optional<PollOutcome> lastOutcome) {}
