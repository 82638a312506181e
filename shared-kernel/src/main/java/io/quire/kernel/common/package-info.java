/** Small value types that messages of several aggregates share. */
package io.quire.kernel.common;
