package org.newsmonitor.alerts.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** API keys and the owners they stand for; keys are compared in constant time. */
public final class ApiKeys {
    private final Map<String, String> keyByOwner;

    /** @param keyByOwner owner -> key; never null */
    public ApiKeys(Map<String, String> keyByOwner) {
        this.keyByOwner = Map.copyOf(keyByOwner);
    }

    /** The owner of this key, or empty when no owner has it. */
    public Optional<String> ownerOf(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, String> e : keyByOwner.entrySet()) {
            // check every key so the time taken does not tell which one nearly matched
            if (MessageDigest.isEqual(given, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }
}
