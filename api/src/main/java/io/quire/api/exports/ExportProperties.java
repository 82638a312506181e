package io.quire.api.exports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the export jobs ({@code quire.exports.*}); their defaults are in {@code
 * application.yml}.
 *
 * @param threads how many export files are written at once
 * @param queueCapacity how many dispatched exports may wait for a thread; more stay pending until
 *     the next sweep
 * @param sweepInterval how often pending and running exports are looked for and dispatched again
 *     (besides once at start-up)
 * @param chunkSize the size of the pieces an export's file is stored in
 */
@ConfigurationProperties("quire.exports")
public record ExportProperties(
    int threads, int queueCapacity, Duration sweepInterval, DataSize chunkSize) {}
