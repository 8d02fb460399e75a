package org.newsmonitor.matching;

import java.util.List;
import org.newsmonitor.themes.CompiledTheme;

/**
 * The private query of one subscription, compiled.
 *
 * @param subscriptionId the subscription
 * @param themes         theme ids the article must also match (one of them); empty when the query stands alone
 * @param compiled       the query as a one-rule theme whose id is {@code query:<subscriptionId>}
 */
public record SubscriptionQuery(String subscriptionId, List<String> themes, CompiledTheme compiled) {
    public SubscriptionQuery {
        themes = List.copyOf(themes);
    }
}
