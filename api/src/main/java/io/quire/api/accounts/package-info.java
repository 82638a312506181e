/** Registration, tokens and the current user over HTTP, and token authentication of requests. */
package io.quire.api.accounts;
