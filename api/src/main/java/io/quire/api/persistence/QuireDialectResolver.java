package io.quire.api.persistence;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link QuirePostgresDialect} on PostgreSQL and leaves every other database to Hibernate's
 * own resolution (H2, the embedded default).
 */
public class QuireDialectResolver implements DialectResolver {

  @Override
  public Dialect resolveDialect(DialectResolutionInfo info) {
    if ("PostgreSQL".equalsIgnoreCase(info.getDatabaseName())) {
      return new QuirePostgresDialect(info);
    }
    return null;
  }
}
