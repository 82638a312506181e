package io.quire.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quire.kernel.privacy.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Migration V25 seals exactly the fields the kernel marks as personal data. */
class PersonalDataSealingTest {

  @Test
  void theMigrationsFieldsAreTheKernelsPersonalDataMarks() {
    for (Map.Entry<Class<?>, PersonalDataSealing.Fields> type :
        PersonalDataSealing.FIELDS.entrySet()) {
      Map<String, String> marked = new HashMap<>();
      for (RecordComponent component : type.getKey().getRecordComponents()) {
        PersonalData mark = component.getAnnotation(PersonalData.class);
        if (mark != null) {
          marked.put(component.getName(), mark.subject());
        }
      }
      assertThat(marked.keySet())
          .as(type.getKey().getSimpleName())
          .containsExactlyInAnyOrderElementsOf(type.getValue().texts());
      assertThat(type.getValue().subjects().get(0))
          .as(type.getKey().getSimpleName() + "'s person, as it is named now")
          .isIn(marked.values());
    }
  }

  @Test
  void everyKernelEventWithPersonalDataIsSealedByTheMigration() {
    List<Class<?>> marked =
        new ClassFileImporter()
            .importPackages("io.quire.kernel").stream()
                .filter(type -> type.getSimpleName().endsWith("Event"))
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .filter(
                    type ->
                        Arrays.stream(type.getRecordComponents())
                            .anyMatch(c -> c.isAnnotationPresent(PersonalData.class)))
                .<Class<?>>map(type -> type)
                .toList();

    assertThat(PersonalDataSealing.FIELDS.keySet()).containsExactlyInAnyOrderElementsOf(marked);
  }
}
