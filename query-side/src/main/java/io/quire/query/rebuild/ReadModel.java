package io.quire.query.rebuild;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A read model the API serves, as the projections admin API lists it, and what a rebuild needs to
 * know about it.
 *
 * @param name its name in the API ({@code /api/v1/admin/projections/{name}/})
 * @param description what it holds
 * @param tables the tables a rebuild builds anew and swaps in, parents before the tables whose
 *     foreign keys point at them
 * @param counters tables its tables' triggers keep (versions that caches are keyed by): the new
 *     copy gets a scratch copy of them, and at the cut-over the live ones are moved on with {@code
 *     cutOver} instead of being replaced, because a version once seen must never come back
 * @param cutOver statements run on the live tables in the cut-over's transaction, after the swap
 * @param keptByTriggers statements that compute, from its tables' rows alone, what its tables'
 *     triggers keep in its tables (such as counts): when there are any, the new copy is built
 *     without triggers and these run once, when the copy is finished (near the head), just before
 *     the triggers are made, in one transaction; none: the triggers are there from the start.
 *     Whatever the triggers keep outside its tables ({@code counters}) is not computed: the scratch
 *     copies of counters are dropped at the cut-over, which moves the live ones on instead
 * @param projections the projections that build it, given the JDBC access they are to write
 *     through; in the order their handlers run for one event
 * @param notRebuildable why it cannot be rebuilt from events, if it cannot
 */
public record ReadModel(
    String name,
    String description,
    List<String> tables,
    List<String> counters,
    List<String> cutOver,
    List<String> keptByTriggers,
    Function<NamedParameterJdbcTemplate, List<Object>> projections,
    Optional<String> notRebuildable) {

  /** A read model a rebuild can build from the events. */
  static ReadModel rebuildable(
      String name,
      String description,
      List<String> tables,
      List<String> counters,
      List<String> cutOver,
      List<String> keptByTriggers,
      Function<NamedParameterJdbcTemplate, List<Object>> projections) {
    return new ReadModel(
        name,
        description,
        tables,
        counters,
        cutOver,
        keptByTriggers,
        projections,
        Optional.empty());
  }

  /** A read model that is not built from the events alone, with the reason. */
  static ReadModel notRebuildable(String name, String description, String reason) {
    return new ReadModel(
        name,
        description,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        jdbc -> List.of(),
        Optional.of(reason));
  }

  /** Whether a rebuild can build it from the events. */
  public boolean rebuildable() {
    return notRebuildable.isEmpty();
  }

  /** The schema its new copy is built in while a rebuild runs. */
  String scratchSchema() {
    return "quire_rebuild_" + name.replace('-', '_');
  }
}
