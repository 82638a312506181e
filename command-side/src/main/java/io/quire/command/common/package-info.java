/**
 * What the command side's contexts share: the refusals every aggregate may give, such as {@link
 * io.quire.command.common.PermissionDeniedException} when an actor may not do what a command asks.
 */
package io.quire.command.common;
