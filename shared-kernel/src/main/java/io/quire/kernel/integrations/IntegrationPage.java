package io.quire.kernel.integrations;

import java.util.List;

/** One page of integrations and the total count. */
public record IntegrationPage(long count, List<IntegrationView> results) {}
