/** Marks on the kernel's records for personal data (crypto-shredding, docs/architecture.md). */
package io.quire.kernel.privacy;
