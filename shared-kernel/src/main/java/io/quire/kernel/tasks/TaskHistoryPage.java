package io.quire.kernel.tasks;

import java.util.List;

/** One page of a task's history and the total count. */
public record TaskHistoryPage(long count, List<TaskHistoryEntry> results) {}
