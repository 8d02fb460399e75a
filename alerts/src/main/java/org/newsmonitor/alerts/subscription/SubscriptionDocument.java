package org.newsmonitor.alerts.subscription;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.Json;

/**
 * A stored subscription as the request document that would create it again: the fields a client may set, without
 * id, owner, times, the feed token or the webhook secret (which an update keeps unless it gives a new one). A merge patch is applied
 * to this document. Pure.
 */
final class SubscriptionDocument {
    private SubscriptionDocument() {
    }

    /** The request fields of the subscription; unset ones are absent. */
    static ObjectNode of(SubscriptionEvent s) {
        ObjectNode doc = Json.mapper().createObjectNode();
        if (s.name() != null) {
            doc.put("name", s.name());
        }
        list(doc, "themes", s.themes());
        doc.put("minScore", s.minScore());
        list(doc, "languages", s.languages());
        list(doc, "sources", s.sources());
        if (s.mode() != null) {
            doc.put("mode", s.mode().name());
        }
        if (s.webhookUrl() != null) {
            doc.put("webhookUrl", s.webhookUrl());
        }
        if (s.email() != null) {
            doc.put("email", s.email());
        }
        doc.put("includeSurges", s.includeSurges());
        if (s.ntfy() != null) {
            doc.put("ntfy", s.ntfy());
        }
        if (s.slack() != null) {
            doc.put("slack", s.slack());
        }
        if (s.telegram() != null) {
            doc.putObject("telegram").put("botToken", s.telegram().botToken()).put("chatId", s.telegram().chatId());
        }
        if (s.query() != null) {
            doc.put("query", s.query());
        }
        return doc;
    }

    private static void list(ObjectNode doc, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            values.forEach(doc.putArray(field)::add);
        }
    }
}
