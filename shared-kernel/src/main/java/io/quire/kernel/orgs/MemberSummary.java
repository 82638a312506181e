package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserSummary;
import java.time.Instant;

/** A membership as the member list shows it. */
public record MemberSummary(UserSummary user, Role role, Instant joinedAt) {}
