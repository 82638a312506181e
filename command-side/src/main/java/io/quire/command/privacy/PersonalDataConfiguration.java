package io.quire.command.privacy;

import io.quire.command.integrations.SecretBox;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key store, the cipher and the Jackson module that seals personal data in events. The key
 * store has a {@link JdbcTemplate} of its own on the application's data source: Axon's object
 * mapper needs it, and Flyway's Java migrations read events through that mapper, so it must not
 * wait for Flyway the way Spring Boot makes the shared {@code JdbcTemplate} wait (it only reads and
 * writes {@code personal_data_key} when an event is written or read, long after migration).
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

  @Bean
  PersonalDataKeys personalDataKeys(
      DataSource dataSource, SecretBox secretBox, SecureRandom random, Clock clock) {
    return new PersonalDataKeys(new JdbcTemplate(dataSource), secretBox, random, clock);
  }

  @Bean
  PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
    return new PersonalDataCipher(keys);
  }

  @Bean
  PersonalDataModule personalDataModule(PersonalDataCipher cipher) {
    return new PersonalDataModule(cipher);
  }
}
