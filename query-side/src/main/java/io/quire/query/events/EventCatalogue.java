package io.quire.query.events;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The type names of every event Quire records ({@code task.created}, ...): the kernel's event
 * records (each carries a {@link Revision}), found on the class path once, at start-up. Readers
 * filter the audit log by these names, and a name outside them is a client's mistake.
 */
@Component
public class EventCatalogue {

  private static final String KERNEL = "io.quire.kernel";

  private final SortedSet<String> typeNames;

  public EventCatalogue() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
    SortedSet<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(KERNEL)) {
      String className = candidate.getBeanClassName();
      names.add(EventTypes.typeName(className.substring(className.lastIndexOf('.') + 1)));
    }
    this.typeNames = Collections.unmodifiableSortedSet(names);
  }

  /** Every event type name, in alphabetical order. */
  public SortedSet<String> typeNames() {
    return typeNames;
  }

  /** Whether events of this type name exist. */
  public boolean contains(String typeName) {
    return typeNames.contains(typeName);
  }
}
