package io.quire.pacts;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code filter} of {@code @PactFilter} on {@link QuireWebContractTest}: its values are the
 * exact descriptions of the interactions this version does not provide yet, and the predicate keeps
 * every other interaction.
 *
 * <p>pact-jvm instantiates this class itself (public, no-argument constructor), builds the
 * predicate from the annotation's values and keeps the interactions for which it is {@code true}.
 * Excluded interactions are never run, so their provider states are never set up; {@link
 * NotProvidedYetListTest} checks the list against the pact files. Matching is exact (no regular
 * expressions), so a misspelt entry excludes nothing and the guard test catches it.
 */
public class NotProvidedYet implements InteractionFilter<Interaction> {

  @Override
  public Predicate<Interaction> buildPredicate(String[] descriptions) {
    // Not Set.of: a duplicate entry must reach the guard test, not break loading the pacts.
    Set<String> notProvided = new HashSet<>(Arrays.asList(descriptions));
    return interaction -> !notProvided.contains(interaction.getDescription());
  }
}
