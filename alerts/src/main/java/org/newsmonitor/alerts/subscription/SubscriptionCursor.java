package org.newsmonitor.alerts.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Where a page of an owner's subscriptions ended: the creation time and id of its last subscription, as an opaque
 * URL-safe token. The list is ordered by creation time, then id; a subscription created while a client pages
 * comes after every existing one, so following cursors never skips or repeats one. Pure.
 *
 * @param createdAt creation time of the last subscription of the page
 * @param id        its id
 */
public record SubscriptionCursor(Instant createdAt, String id) {
    /** The order of a listing: oldest first, ties by id. */
    public static final Comparator<SubscriptionEvent> ORDER = Comparator.comparing(SubscriptionEvent::createdAt)
            .thenComparing(SubscriptionEvent::id);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,300}");

    /** The cursor after this subscription. */
    public static SubscriptionCursor after(SubscriptionEvent last) {
        return new SubscriptionCursor(last.createdAt(), last.id());
    }

    /** Whether the subscription comes after this cursor in {@link #ORDER}. */
    public boolean precedes(SubscriptionEvent s) {
        int c = s.createdAt().compareTo(createdAt);
        return c > 0 || c == 0 && s.id().compareTo(id) > 0;
    }

    /** The opaque token. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + " " + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #token()}.
     *
     * @throws InvalidSubscriptionException (malformed) naming the cursor when it was not made here
     */
    public static SubscriptionCursor parse(String token) {
        try {
            if (!TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException("not a cursor token");
            }
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (space < 0 || space == text.length() - 1) {
                throw new IllegalArgumentException("not a cursor token");
            }
            return new SubscriptionCursor(Instant.parse(text.substring(0, space)), text.substring(space + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidSubscriptionException(List.of(new FieldError("cursor",
                    "is not a cursor this API gave out; pass the nextCursor of the previous page")), true);
        }
    }
}
