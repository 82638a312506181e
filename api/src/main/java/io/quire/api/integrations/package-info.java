/** An org's integrations (admins only) and their webhook receipts. */
package io.quire.api.integrations;
