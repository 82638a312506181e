package io.quire.kernel.tasks;

import java.util.List;

/** One page of tasks and the total count. */
public record TaskPage(long count, List<TaskView> results) {}
