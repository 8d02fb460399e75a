package org.newsmonitor.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.newsmonitor.contracts.json.Json;

/** Writes chat message bodies as JSON. Pure. */
final class ChatJson {
    private ChatJson() {
    }

    static byte[] bytes(Map<String, Object> body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
