package io.quire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import io.quire.query.testing.KernelEvents;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An org's audit log finds an event by the org it names ({@link OrgScoped}), so every kernel event
 * that carries an {@code orgId} must say so: one that did not would be missing from its org's log
 * when it is its aggregate's first.
 */
class OrgScopedEventsTest {

  @Test
  void everyEventThatCarriesAnOrgIsOrgScoped() {
    List<Class<?>> events = KernelEvents.all();

    List<Class<?>> carryingAnOrg =
        events.stream()
            .filter(
                e ->
                    Arrays.stream(e.getRecordComponents())
                        .anyMatch(c -> c.getName().equals("orgId") && c.getType() == OrgId.class))
            .toList();

    assertThat(carryingAnOrg).hasSizeGreaterThan(10).allMatch(OrgScoped.class::isAssignableFrom);
    assertThat(events)
        .filteredOn(OrgScoped.class::isAssignableFrom)
        .containsExactlyInAnyOrderElementsOf(carryingAnOrg);
  }
}
