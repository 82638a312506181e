/**
 * The command side: Axon aggregates that decide, and the application services that send them
 * commands. Never depends on the query side.
 */
package io.quire.command;
