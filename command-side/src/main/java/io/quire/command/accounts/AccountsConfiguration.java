package io.quire.command.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Wires the accounts context: the slow password hash and the failed-login throttle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
class AccountsConfiguration {

  @Bean
  PasswordEncoder passwordEncoder(AccountsProperties properties) {
    // PBKDF2-HMAC-SHA256 with a 16-byte random salt per password, the iteration count written in
    // each hash; no 72-byte limit as in bcrypt.
    return new PasswordHashes(properties.passwordHashIterations(), new SecureRandom());
  }

  @Bean
  LoginThrottle loginThrottle(Clock clock, AccountsProperties properties) {
    return new LoginThrottle(clock, properties.maxFailedLogins(), properties.failedLoginWindow());
  }
}
