package io.quire;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Quire: an event-sourced CQRS backend for publishing and team work. */
@SpringBootApplication
public class QuireApplication {

  public static void main(String[] args) {
    // Axon's advertisement for its hosted console; Quire runs without it.
    System.setProperty("disable-axoniq-console-message", "true");
    SpringApplication.run(QuireApplication.class, args);
  }
}
