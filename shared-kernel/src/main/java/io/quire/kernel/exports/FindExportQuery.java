package io.quire.kernel.exports;

import io.quire.kernel.orgs.OrgId;

/** Asks for one export of an org; answers an {@code Optional<ExportView>}. */
public record FindExportQuery(OrgId orgId, ExportId exportId) {}
