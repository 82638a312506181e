package io.quire.kernel.webhooks;

import java.util.List;

/** One page of receipts and the total count. */
public record ReceiptPage(long count, List<ReceiptView> results) {}
