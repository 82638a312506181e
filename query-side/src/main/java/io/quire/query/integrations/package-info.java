/**
 * The integration and webhook receipt read models ({@code integration_view}, {@code
 * webhook_receipt_view}) and their queries. Neither holds a secret.
 */
package io.quire.query.integrations;
