/** Concurrent writes across servers sharing one database: lost races are retried, never a 500. */
package io.quire.api.concurrency;
