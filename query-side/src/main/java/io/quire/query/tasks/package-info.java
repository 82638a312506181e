/**
 * The task read models: the current tasks ({@code task_view}), built by {@link
 * io.quire.query.tasks.TaskProjection} (processing group {@code tasks}) and read by {@link
 * io.quire.query.tasks.TaskQueries}; and a task's history and past states, read straight from the
 * event store by {@link io.quire.query.tasks.TaskHistoryQueries} (folded by {@link
 * io.quire.query.tasks.TaskReplay}).
 */
package io.quire.query.tasks;
