package io.quire.command.accounts;

import io.quire.command.privacy.PersonalDataKeys;
import io.quire.kernel.accounts.UserId;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings erasures made on other servers to this one: every {@code quire.privacy.erasure-watch} (1 s
 * by default) it asks whether anyone new was erased, forgets their personal-data key ({@link
 * PersonalDataKeys#forgetErased}) and the tokens of theirs this server kept ({@link TokenCache}).
 * The server that erases does both at once; another server does them within the interval.
 */
@Component
class ErasureWatch implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ErasureWatch.class);

  private final PersonalDataKeys keys;
  private final TokenCache tokens;
  private final Duration interval;
  private volatile ScheduledExecutorService watch;

  ErasureWatch(
      PersonalDataKeys keys,
      TokenCache tokens,
      @Value("${quire.privacy.erasure-watch:1s}") Duration interval) {
    this.keys = keys;
    this.tokens = tokens;
    this.interval = interval;
  }

  /** One look: forgets what belongs to anyone erased since the last. */
  void look() {
    for (String subject : keys.forgetErased()) {
      tokens.forget(new UserId(UUID.fromString(subject)));
    }
  }

  @Override
  public void start() {
    watch =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "erasure-watch");
              thread.setDaemon(true);
              return thread;
            });
    watch.scheduleWithFixedDelay(
        () -> {
          try {
            look();
          } catch (RuntimeException e) {
            LOG.warn("Could not look for erasures made on other servers: {}", e.toString());
          }
        },
        0,
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = watch;
    if (running != null) {
      running.shutdownNow();
      watch = null;
    }
  }

  @Override
  public boolean isRunning() {
    return watch != null;
  }
}
