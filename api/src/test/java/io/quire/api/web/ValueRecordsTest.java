package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ValueRecord} keeps its promise: it is a record whose components are plain values all
 * the way down, so equal instances serialize alike and {@link KeptPageBodies} may answer one with
 * the bytes of the other. A map, an array or any class with identity or order-dependent equality
 * among the components would break that, and fails here.
 */
class ValueRecordsTest {

  private static final Set<Class<?>> VALUES =
      Set.of(
          String.class,
          Boolean.class,
          Integer.class,
          Long.class,
          Double.class,
          Instant.class,
          LocalDate.class,
          OffsetDateTime.class,
          UUID.class);

  @Test
  void everyValueRecordIsMadeOfPlainValuesAllTheWayDown() {
    List<Class<?>> records =
        new ClassFileImporter()
            .importPackages("io.quire.api").stream()
                .filter(type -> type.isAssignableTo(ValueRecord.class))
                .filter(type -> !type.isEquivalentTo(ValueRecord.class))
                .map(JavaClass::reflect)
                .toList();

    assertThat(records)
        .extracting(Class::getSimpleName)
        .contains("TaskResponse", "ArticleListItem");
    List<String> problems = new ArrayList<>();
    for (Class<?> type : records) {
      check(type, type.getSimpleName(), problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aComponentWithoutValueEqualityIsFound() {
    record WithMap(String id, Map<String, String> extras) {}
    record WithArray(byte[] data) {}

    List<String> problems = new ArrayList<>();
    check(WithMap.class, "WithMap", problems);
    check(WithArray.class, "WithArray", problems);

    assertThat(problems).hasSize(2);
  }

  private static void check(Type type, String path, List<String> problems) {
    if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
      check(generic.getActualTypeArguments()[0], path + "[]", problems);
    } else if (type instanceof Class<?> plain && isValue(plain)) {
      if (plain.isRecord()) {
        for (RecordComponent component : plain.getRecordComponents()) {
          check(component.getGenericType(), path + "." + component.getName(), problems);
        }
      }
    } else {
      problems.add(path + " is a " + type.getTypeName() + ", not a plain value");
    }
  }

  private static boolean isValue(Class<?> type) {
    return type.isPrimitive() || type.isEnum() || type.isRecord() || VALUES.contains(type);
  }
}
