package io.quire.pacts;

import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerAuth;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;

/**
 * How the provider test fetches pacts from a broker, when {@code PACT_BROKER_BASE_URL} is set
 * ({@link PactSettings}, {@link QuirePactLoader}).
 *
 * <p>The expressions are resolved by {@link PactSettings.Resolver}: the broker's names are read as
 * system properties or environment variables, {@code pact.provider.branch} is the settings' branch.
 * Pending pacts are on (a consumer's new expectations do not fail our build until the provider has
 * verified them once), and work-in-progress pacts published since {@code PACT_BROKER_WIP_SINCE} are
 * verified too, as pending.
 */
@PactBroker(
    url = "${PACT_BROKER_BASE_URL}",
    authentication =
        @PactBrokerAuth(
            token = "${PACT_BROKER_TOKEN:}",
            username = "${PACT_BROKER_USERNAME:}",
            password = "${PACT_BROKER_PASSWORD:}"),
    enablePendingPacts = "true",
    providerBranch = "${pact.provider.branch}",
    includeWipPactsSince = "${PACT_BROKER_WIP_SINCE:2026-12-01}")
final class BrokerPacts {

  private BrokerPacts() {}

  /**
   * The consumer versions to verify: each consumer's main branch, every version deployed or
   * released to an environment, and the consumer branch named like ours (for features built on both
   * sides).
   */
  @PactBrokerConsumerVersionSelectors
  public static SelectorBuilder consumerVersionSelectors() {
    return new SelectorBuilder().mainBranch().deployedOrReleased().matchingBranch();
  }
}
