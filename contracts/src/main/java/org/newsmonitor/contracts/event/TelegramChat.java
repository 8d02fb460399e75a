package org.newsmonitor.contracts.event;

/**
 * A Telegram chat that a subscription's alerts are sent to by a bot (Bot API {@code sendMessage}).
 *
 * @param botToken the bot's token as given by BotFather, "{bot id}:{secret}"
 * @param chatId   the chat: a numeric id (negative for groups) or "@channelname"
 */
public record TelegramChat(String botToken, String chatId) {
    public TelegramChat {
        String r = "TelegramChat";
        botToken = Checks.nonBlank(r, "botToken", botToken);
        chatId = Checks.nonBlank(r, "chatId", chatId);
    }

    /** The bot's public id, the part of the token before ':'; never the secret. */
    public String botId() {
        int colon = botToken.indexOf(':');
        return colon < 0 ? "?" : botToken.substring(0, colon);
    }

    @Override
    public String toString() {
        // the token is a secret: keep it out of logs
        return "TelegramChat[bot=" + botId() + ", chatId=" + chatId + "]";
    }
}
