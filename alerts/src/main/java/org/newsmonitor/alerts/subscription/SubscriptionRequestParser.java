package org.newsmonitor.alerts.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.TelegramChat;

/** Reads a subscription request body, naming each field whose JSON type is wrong. Pure. */
public final class SubscriptionRequestParser {
    private static final Set<String> FIELDS = Set.of("name", "themes", "minScore", "languages", "sources", "mode",
            "webhookUrl", "webhookSecret", "email", "includeSurges", "ntfy", "slack", "telegram", "query");
    private static final Set<String> TELEGRAM_FIELDS = Set.of("botToken", "chatId");

    private SubscriptionRequestParser() {
    }

    /**
     * Parses the body.
     *
     * @throws InvalidSubscriptionException (malformed) naming the body or each mistyped or unknown field; see
     *                                      {@link StrictJsonReader} for what makes a body unreadable
     */
    public static SubscriptionRequest parse(String body) {
        return parse(StrictJsonReader.readObject(body));
    }

    /**
     * Reads a request from an object already read, e.g. a subscription with a merge patch applied.
     *
     * @throws InvalidSubscriptionException (malformed) naming each mistyped or unknown field
     */
    public static SubscriptionRequest parse(ObjectNode object) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a subscription field (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")"));
            }
        }
        SubscriptionRequest request = new SubscriptionRequest(
                text(object, "name", errors), textList(object, "themes", errors), number(object, "minScore", errors),
                textList(object, "languages", errors), textList(object, "sources", errors), mode(object, errors),
                text(object, "webhookUrl", errors), text(object, "webhookSecret", errors), text(object, "email", errors),
                bool(object, "includeSurges", errors), text(object, "ntfy", errors), text(object, "slack", errors),
                telegram(object, errors), text(object, "query", errors));
        if (!errors.isEmpty()) {
            throw new InvalidSubscriptionException(errors, true);
        }
        return request;
    }

    private static InvalidSubscriptionException malformed(String field, String message) {
        return new InvalidSubscriptionException(List.of(new FieldError(field, message)), true);
    }

    private static String text(ObjectNode o, String field, List<FieldError> errors) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return n.textValue();
    }

    private static Double number(ObjectNode o, String field, List<FieldError> errors) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            errors.add(new FieldError(field, "must be a number"));
            return null;
        }
        return n.doubleValue();
    }

    private static Boolean bool(ObjectNode o, String field, List<FieldError> errors) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return null;
        }
        return n.booleanValue();
    }

    private static List<String> textList(ObjectNode o, String field, List<FieldError> errors) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            errors.add(new FieldError(field, "must be an array of strings"));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                errors.add(new FieldError(field, "must contain only strings"));
                return null;
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static TelegramChat telegram(ObjectNode o, List<FieldError> errors) {
        JsonNode n = o.get("telegram");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!(n instanceof ObjectNode chat)) {
            errors.add(new FieldError("telegram", "must be an object {\"botToken\": ..., \"chatId\": ...}"));
            return null;
        }
        int before = errors.size();
        for (Iterator<String> names = chat.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!TELEGRAM_FIELDS.contains(name)) {
                errors.add(new FieldError("telegram." + name, "is not a telegram field (known: botToken, chatId)"));
            }
        }
        String token = requiredText(chat, "botToken", errors);
        JsonNode chatId = chat.get("chatId");
        String id = null;
        if (chatId != null && chatId.isIntegralNumber()) {
            // chat ids are numbers in Telegram's own API: accept them as such
            id = chatId.asText();
        } else {
            id = requiredText(chat, "chatId", errors);
        }
        return errors.size() > before ? null : new TelegramChat(token, id);
    }

    private static String requiredText(ObjectNode o, String field, List<FieldError> errors) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            errors.add(new FieldError("telegram." + field, "is required, a non-empty string"));
            return null;
        }
        return n.textValue().strip();
    }

    private static DeliveryMode mode(ObjectNode o, List<FieldError> errors) {
        String text = text(o, "mode", errors);
        if (text == null) {
            return null;
        }
        String m = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        switch (m) {
            case "IMMEDIATE":
                return DeliveryMode.IMMEDIATE;
            case "HOURLY", "HOURLY_DIGEST":
                return DeliveryMode.HOURLY_DIGEST;
            case "DAILY", "DAILY_DIGEST":
                return DeliveryMode.DAILY_DIGEST;
            default:
                errors.add(new FieldError("mode", "must be immediate, hourly_digest or daily_digest, was '"
                        + abbreviate(text) + "'"));
                return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
