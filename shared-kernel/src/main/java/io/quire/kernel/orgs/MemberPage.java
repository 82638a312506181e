package io.quire.kernel.orgs;

import java.util.List;

/** One page of members and the total count. */
public record MemberPage(long count, List<MemberSummary> results) {}
