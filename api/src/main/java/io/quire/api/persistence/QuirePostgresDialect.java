package io.quire.api.persistence;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL with {@code @Lob byte[]} (Axon's event payloads and tokens) stored as {@code bytea}
 * instead of large objects ({@code oid}), which would need vacuumlo and leak on deletes.
 */
public class QuirePostgresDialect extends PostgreSQLDialect {

  public QuirePostgresDialect(DialectResolutionInfo info) {
    super(info);
  }

  @Override
  protected String columnType(int sqlTypeCode) {
    return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
  }

  @Override
  protected String castType(int sqlTypeCode) {
    return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
  }

  @Override
  public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
    super.contributeTypes(contributions, registry);
    contributions
        .getTypeConfiguration()
        .getJdbcTypeRegistry()
        .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
  }
}
