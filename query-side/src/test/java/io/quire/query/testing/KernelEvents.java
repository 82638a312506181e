package io.quire.query.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The event records of one kernel package, found on the classpath (so new ones are not missed). */
public final class KernelEvents {

  private KernelEvents() {}

  /** Every {@code ...Event} class of every kernel package, by package, then name. */
  public static List<Class<?>> all() {
    return java.util.stream.Stream.of(
            "accounts",
            "articles",
            "comments",
            "exports",
            "integrations",
            "orgs",
            "tasks",
            "webhooks")
        .flatMap(p -> in("io.quire.kernel." + p).stream())
        .toList();
  }

  /** Every {@code ...Event} class in the package, by name. */
  public static List<Class<?>> in(String kernelPackage) {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(kernelPackage)
            .stream()
            .filter(c -> c.getPackageName().equals(kernelPackage))
            .filter(c -> c.getSimpleName().endsWith("Event"))
            .map(JavaClass::reflect)
            .sorted(Comparator.comparing(Class::getName))
            .<Class<?>>map(c -> c)
            .toList();
  }

  /** An instance of an event record with every component null (or 0/false): enough to dispatch. */
  public static Object blank(Class<?> eventRecord) {
    RecordComponent[] components = eventRecord.getRecordComponents();
    Object[] values = Arrays.stream(components).map(c -> defaultValue(c.getType())).toArray();
    try {
      return eventRecord
          .getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
          .newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    } else if (type == long.class) {
      return 0L;
    } else if (type == int.class) {
      return 0;
    }
    return null;
  }
}
