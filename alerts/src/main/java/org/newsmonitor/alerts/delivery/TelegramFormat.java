package org.newsmonitor.alerts.delivery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.TelegramChat;

/**
 * A Telegram bot: each alert is sent with the Bot API's {@code sendMessage} to
 * {@code <api>/bot<token>/sendMessage} as {"chat_id", "text", "parse_mode": "HTML"}, the title a link, then source,
 * theme and the matched terms. Pure.
 */
public final class TelegramFormat implements ChatFormat {
    /** Channel name in delivery records. */
    public static final String NAME = "telegram";
    /** The public Bot API. */
    public static final String DEFAULT_API = "https://api.telegram.org";
    private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");
    private static final Pattern CHAT = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}");
    private final String apiBase;

    /** @param apiBase the Bot API base URL, e.g. {@value #DEFAULT_API}; tests point it at a local receiver */
    public TelegramFormat(String apiBase) {
        this.apiBase = apiBase.replaceAll("/+$", "");
    }

    /** Whether the text has the shape of a bot token, "{bot id}:{secret}". */
    public static boolean validToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** Whether the text is a chat id: a number (negative for groups) or "@channelname". */
    public static boolean validChatId(String chatId) {
        return chatId != null && CHAT.matcher(chatId).matches();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> destination(SubscriptionEvent subscription) {
        TelegramChat chat = subscription.telegram();
        return chat == null ? Optional.empty() : Optional.of("bot " + chat.botId() + " chat " + chat.chatId());
    }

    @Override
    public ChatMessage message(AlertEvent alert, SubscriptionEvent subscription) {
        TelegramChat chat = subscription.telegram();
        AlertText text = AlertText.of(alert);
        StringBuilder b = new StringBuilder("<b>");
        if (text.link() != null) {
            b.append("<a href=\"").append(escape(text.link())).append("\">").append(escape(text.title())).append("</a>");
        } else {
            b.append(escape(text.title()));
        }
        b.append("</b>\n").append(escape(text.byline()));
        if (!text.terms().isEmpty()) {
            b.append("\nMatched: ").append(escape(text.terms()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chat.chatId());
        body.put("text", b.toString());
        body.put("parse_mode", "HTML");
        return new ChatMessage(URI.create(apiBase + "/bot" + chat.botToken() + "/sendMessage"), Map.of(),
                ChatJson.bytes(body));
    }

    /** Text safe inside Telegram's HTML, in element content and in a quoted attribute. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
