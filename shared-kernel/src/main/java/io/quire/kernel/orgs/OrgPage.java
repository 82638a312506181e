package io.quire.kernel.orgs;

import java.util.List;

/** One page of orgs and the total count. */
public record OrgPage(long count, List<OrgSummary> results) {}
