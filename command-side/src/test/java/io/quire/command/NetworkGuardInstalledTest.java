package io.quire.command;

import io.quire.testsupport.NetworkGuardContract;

/**
 * This module's tests run with the network guard: a connection to anything but loopback fails the
 * test that makes it (shared-kernel's {@link NetworkGuardContract}).
 */
class NetworkGuardInstalledTest extends NetworkGuardContract {}
