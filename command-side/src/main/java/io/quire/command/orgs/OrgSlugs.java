package io.quire.command.orgs;

import io.quire.kernel.orgs.OrgId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The slug claims: table {@code org_slugs}, whose primary key is the set validation that keeps
 * slugs unique, even when two creators race for one. Plain SQL that joins whatever transaction is
 * open, JPA's included.
 */
@Component
class OrgSlugs {

  private final JdbcTemplate jdbc;

  OrgSlugs(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean isTaken(String slug) {
    return idOf(slug).isPresent();
  }

  Optional<OrgId> idOf(String slug) {
    return jdbc
        .query(
            "select org_id from org_slugs where slug = ?",
            (rs, row) -> new OrgId(rs.getObject("org_id", UUID.class)),
            slug)
        .stream()
        .findFirst();
  }

  /**
   * Claims a slug for an org.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the slug is claimed already
   */
  void claim(String slug, OrgId orgId, Instant claimedAt) {
    jdbc.update(
        "insert into org_slugs (slug, org_id, claimed_at) values (?, ?, ?)",
        slug,
        orgId.value(),
        OffsetDateTime.ofInstant(claimedAt, ZoneOffset.UTC));
  }
}
