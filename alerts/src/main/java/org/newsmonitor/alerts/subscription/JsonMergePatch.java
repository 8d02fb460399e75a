package org.newsmonitor.alerts.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patch (RFC 7396): each member of the patch replaces the target's member of that name, a null removes
 * it, an object is merged into the target's object recursively; anything but an object replaces the whole target.
 * Pure; neither argument is changed.
 */
public final class JsonMergePatch {
    private JsonMergePatch() {
    }

    /**
     * Applies the patch to the target.
     *
     * @param target the document before; may be null (treated as absent)
     * @param patch  the merge patch; never null
     * @return the patched document, a new tree; null when the patch is JSON null
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.isNull() ? null : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                JsonNode merged = apply(result.get(member.getKey()), member.getValue());
                result.set(member.getKey(), merged);
            }
        }
        return result;
    }
}
