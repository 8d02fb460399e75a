package org.newsmonitor.alerts.delivery;

import java.net.URI;
import java.util.Map;

/**
 * One POST a chat service expects for an alert.
 *
 * @param url     where to POST; may carry a secret (a Telegram bot token), so it is never logged
 * @param headers extra request headers
 * @param body    the JSON body
 */
record ChatMessage(URI url, Map<String, String> headers, byte[] body) {
}
