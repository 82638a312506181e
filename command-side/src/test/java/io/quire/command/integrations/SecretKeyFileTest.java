package io.quire.command.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {

  @TempDir Path folder;

  @Test
  void aKeyIsMadeOnceKeptOwnerOnlyAndReadAgain() throws Exception {
    Path file = folder.resolve("data").resolve("secret-key");

    String made = IntegrationsConfiguration.keyFile(file, new SecureRandom());
    String again = IntegrationsConfiguration.keyFile(file, new SecureRandom());

    assertThat(IntegrationsConfiguration.decode(made)).hasSize(32);
    assertThat(again).isEqualTo(made);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret-key");
    }
  }

  @Test
  void serversStartingAtOnceOnOneFolderAllReadTheSameWholeKey() throws Exception {
    Path file = folder.resolve("secret-key");
    int servers = 8;
    CyclicBarrier start = new CyclicBarrier(servers);
    ExecutorService pool = Executors.newFixedThreadPool(servers);
    try {
      List<Future<String>> keys = new ArrayList<>();
      for (int i = 0; i < servers; i++) {
        keys.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return IntegrationsConfiguration.keyFile(file, new SecureRandom());
                }));
      }
      Set<String> read = new HashSet<>();
      for (Future<String> key : keys) {
        read.add(key.get(30, TimeUnit.SECONDS));
      }

      assertThat(read).hasSize(1);
      assertThat(IntegrationsConfiguration.decode(read.iterator().next())).hasSize(32);
    } finally {
      pool.shutdownNow();
    }
  }
}
