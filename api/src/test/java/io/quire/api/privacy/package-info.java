/**
 * Crypto-shredding through the API: erasing a person, what every answer and every table holds
 * afterwards (a scan of the whole database), other servers, rebuilds during an erasure, and the
 * property over generated histories and erased subsets (docs/architecture.md, <i>Personal data in
 * events</i>).
 */
package io.quire.api.privacy;
