/**
 * The shared kernel: the messages (commands, events, queries) and identifiers that the command
 * side, the query side and the API agree on. One record per message, in a package per aggregate.
 * Plain Java plus Axon's routing and revision annotations: no JPA, no Spring web.
 */
package io.quire.kernel;
