package io.quire.query.orgs;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.orgs.FindMemberQuery;
import io.quire.kernel.orgs.FindOrgAccessQuery;
import io.quire.kernel.orgs.FindOrgIdQuery;
import io.quire.kernel.orgs.FindOrgQuery;
import io.quire.kernel.orgs.ListMembersQuery;
import io.quire.kernel.orgs.ListMyOrgsQuery;
import io.quire.kernel.orgs.MemberPage;
import io.quire.kernel.orgs.MemberSummary;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgPage;
import io.quire.kernel.orgs.OrgSummary;
import io.quire.kernel.orgs.Role;
import io.quire.query.sql.PageWindow;
import io.quire.query.sql.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the org queries from {@code org_view} and {@code org_member_view}. Every answer is one
 * statement, and every list one statement for the page plus one {@code COUNT}, whatever the page
 * size: usernames come from a join on {@code user_directory} (a user missing from the directory
 * shows with a null username).
 */
@Component
public class OrgQueries {

  /** An org as one member sees it: the member's row joined to the org's. */
  private static final String ORG_AS_MEMBER_SEES_IT =
      """
      SELECT o.slug, o.name, o.created_at, o.member_count, o.version, m.role
      FROM org_member_view m
      JOIN org_view o ON o.org_id = m.org_id
      """;

  private static final String MEMBERS =
      """
      SELECT m.user_id, u.username, m.role, m.joined_at
      FROM org_member_view m
      LEFT JOIN user_directory u ON u.id = m.user_id
      """;

  private static final RowMapper<OrgSummary> ORG_SUMMARY =
      (row, n) ->
          new OrgSummary(
              row.getString("slug"),
              row.getString("name"),
              SqlValues.instant(row, "created_at"),
              row.getLong("member_count"),
              role(row),
              row.getLong("version"));

  private static final RowMapper<MemberSummary> MEMBER_SUMMARY =
      (row, n) ->
          new MemberSummary(
              new UserSummary(
                  new UserId(SqlValues.uuid(row, "user_id")), row.getString("username")),
              role(row),
              SqlValues.instant(row, "joined_at"));

  private final NamedParameterJdbcTemplate jdbc;

  public OrgQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's access to the org with this slug; empty for an unknown slug and a non-member. */
  @QueryHandler
  public Optional<OrgAccess> handle(FindOrgAccessQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            """
            SELECT o.org_id, m.role
            FROM org_view o
            JOIN org_member_view m ON m.org_id = o.org_id
            WHERE o.slug = :slug AND m.user_id = :userId
            """,
            new MapSqlParameterSource("slug", query.slug())
                .addValue("userId", query.userId().value()),
            (row, n) ->
                new OrgAccess(new OrgId(SqlValues.uuid(row, "org_id")), query.slug(), role(row))));
  }

  /** The id of the org with this slug; empty for an unknown slug. */
  @QueryHandler
  public Optional<OrgId> handle(FindOrgIdQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            "SELECT org_id FROM org_view WHERE slug = :slug",
            new MapSqlParameterSource("slug", query.slug()),
            (row, n) -> new OrgId(SqlValues.uuid(row, "org_id"))));
  }

  /**
   * The org as the viewer sees it (with the viewer's role); empty unless the viewer is a member.
   */
  @QueryHandler
  public Optional<OrgSummary> handle(FindOrgQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            ORG_AS_MEMBER_SEES_IT + "WHERE m.org_id = :orgId AND m.user_id = :userId",
            new MapSqlParameterSource("orgId", query.orgId().value())
                .addValue("userId", query.viewer().value()),
            ORG_SUMMARY));
  }

  /** A page of the user's orgs, by slug, and how many they have. */
  @QueryHandler
  public OrgPage handle(ListMyOrgsQuery query) {
    PageWindow window = PageWindow.of(query.page(), query.pageSize());
    MapSqlParameterSource params =
        new MapSqlParameterSource("userId", query.userId().value())
            .addValue("limit", window.limit())
            .addValue("offset", window.offset());
    return new OrgPage(
        count("SELECT COUNT(*) FROM org_member_view WHERE user_id = :userId", params),
        jdbc.query(
            ORG_AS_MEMBER_SEES_IT
                + "WHERE m.user_id = :userId ORDER BY o.slug LIMIT :limit OFFSET :offset",
            params,
            ORG_SUMMARY));
  }

  /** A page of the org's members, oldest membership first (ties by user id), and their number. */
  @QueryHandler
  public MemberPage handle(ListMembersQuery query) {
    PageWindow window = PageWindow.of(query.page(), query.pageSize());
    MapSqlParameterSource params =
        new MapSqlParameterSource("orgId", query.orgId().value())
            .addValue("limit", window.limit())
            .addValue("offset", window.offset());
    return new MemberPage(
        count("SELECT COUNT(*) FROM org_member_view WHERE org_id = :orgId", params),
        jdbc.query(
            MEMBERS
                + "WHERE m.org_id = :orgId ORDER BY m.joined_at, m.user_id"
                + " LIMIT :limit OFFSET :offset",
            params,
            MEMBER_SUMMARY));
  }

  /** One membership, with the member's username; empty for a non-member. */
  @QueryHandler
  public Optional<MemberSummary> handle(FindMemberQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            MEMBERS + "WHERE m.org_id = :orgId AND m.user_id = :userId",
            new MapSqlParameterSource("orgId", query.orgId().value())
                .addValue("userId", query.userId().value()),
            MEMBER_SUMMARY));
  }

  private long count(String sql, MapSqlParameterSource params) {
    Long count = jdbc.queryForObject(sql, params, Long.class);
    return count == null ? 0 : count;
  }

  private static Role role(ResultSet row) throws SQLException {
    return Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT));
  }
}
