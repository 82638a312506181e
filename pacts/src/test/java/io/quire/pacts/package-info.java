/**
 * Provider verification of the consumers' Pact files: {@link io.quire.pacts.QuireWebContractTest}
 * runs every interaction for provider {@code quire-api} against the whole application (an {@link
 * io.quire.api.testing.IntegrationTest}), except the one explicit list of interactions not provided
 * yet, which {@link io.quire.pacts.NotProvidedYetListTest} keeps honest. See the module's README.
 */
package io.quire.pacts;
