/**
 * Messages of the task aggregate. Each kind of change is its own event, so history and webhooks can
 * say exactly what changed; a task's version is the number of its events.
 */
package io.quire.kernel.tasks;
