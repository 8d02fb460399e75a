package org.newsmonitor.alerts.subscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** Creates, reads, replaces and deletes subscriptions on behalf of an owner, who only sees their own. */
public final class SubscriptionService {
    /** Id of the subscription the service may create on start. */
    public static final String DEFAULT_ID = "default";
    /** Owner of the default subscription. */
    public static final String DEFAULT_OWNER = "local";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final SubscriptionStore store;
    private final SubscriptionValidator validator;
    private final Clock clock;
    private final int maxPerOwner;

    /**
     * @param store       where subscriptions live
     * @param validator   checks request values
     * @param clock       stamps creation and update times
     * @param maxPerOwner subscriptions one owner may have; creating one more is refused
     */
    public SubscriptionService(SubscriptionStore store, SubscriptionValidator validator, Clock clock,
            int maxPerOwner) {
        if (maxPerOwner < 1) {
            throw new IllegalArgumentException("SubscriptionService.maxPerOwner must be at least 1, was " + maxPerOwner);
        }
        this.store = store;
        this.validator = validator;
        this.clock = clock;
        this.maxPerOwner = maxPerOwner;
    }

    /**
     * Creates a subscription for {@code owner}.
     *
     * @return the stored subscription, with its id and webhook secret; never null
     * @throws InvalidSubscriptionException naming each refused field
     * @throws QuotaExceededException        when the owner already has as many subscriptions as allowed
     */
    public synchronized SubscriptionEvent create(String owner, SubscriptionRequest request) {
        validate(request);
        long owned = store.all().stream().filter(s -> s.owner().equals(owner)).count();
        if (owned >= maxPerOwner) {
            throw new QuotaExceededException("subscriptions", "this API key already has " + owned
                    + " subscriptions, the most allowed (" + maxPerOwner + ", set by MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER); "
                    + "delete one first");
        }
        Instant now = clock.instant();
        SubscriptionEvent created = toEvent(newId(), owner, request, null, now, now);
        store.put(created);
        return created;
    }

    /** The owner's subscriptions, oldest first; never null. */
    public List<SubscriptionEvent> list(String owner) {
        return store.all().stream().filter(s -> s.owner().equals(owner)).sorted(SubscriptionCursor.ORDER).toList();
    }

    /**
     * One page of the owner's subscriptions, oldest first.
     *
     * @param after where the previous page ended; null for the first page
     * @param limit most subscriptions on the page, at least 1
     * @return the page and, when more follow, the cursor of the next one
     */
    public Page page(String owner, SubscriptionCursor after, int limit) {
        List<SubscriptionEvent> rest = list(owner).stream().filter(s -> after == null || after.precedes(s)).toList();
        if (rest.size() <= limit) {
            return new Page(rest, null);
        }
        List<SubscriptionEvent> items = rest.subList(0, limit);
        return new Page(List.copyOf(items), SubscriptionCursor.after(items.get(limit - 1)));
    }

    /**
     * A page of subscriptions.
     *
     * @param subscriptions the subscriptions on it, oldest first
     * @param next          the cursor of the next page; null on the last page
     */
    public record Page(List<SubscriptionEvent> subscriptions, SubscriptionCursor next) {
    }

    /** The owner's subscription with this id; empty when absent or owned by someone else. */
    public Optional<SubscriptionEvent> get(String owner, String id) {
        return store.get(id).filter(s -> s.owner().equals(owner));
    }

    /**
     * Replaces the owner's subscription; id, owner and creation time stay, the webhook secret stays unless
     * a new one is given.
     *
     * @return the stored subscription, or empty when the owner has none with this id
     * @throws InvalidSubscriptionException naming each refused field
     */
    public synchronized Optional<SubscriptionEvent> replace(String owner, String id, SubscriptionRequest request) {
        Optional<SubscriptionEvent> existing = get(owner, id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        SubscriptionEvent old = existing.get();
        validate(request);
        checkKeepsAChannel(old, request);
        SubscriptionEvent updated = toEvent(id, owner, request, old, old.createdAt(), clock.instant());
        store.put(updated);
        return Optional.of(updated);
    }

    /**
     * Changes only the fields named in a JSON merge patch (RFC 7396: a member replaces the field, null removes it);
     * everything else, the webhook secret included, stays.
     *
     * @param patch the merge patch, a JSON object
     * @return the stored subscription, or empty when the owner has none with this id
     * @throws InvalidSubscriptionException naming each refused field, or the channel an update would remove
     */
    public synchronized Optional<SubscriptionEvent> patch(String owner, String id, ObjectNode patch) {
        Optional<SubscriptionEvent> existing = get(owner, id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        JsonNode merged = JsonMergePatch.apply(SubscriptionDocument.of(existing.get()), patch);
        return replace(owner, id, SubscriptionRequestParser.parse((ObjectNode) merged));
    }

    /**
     * Issues a new feed token for the owner's subscription; the previous token stops working at once. Only the
     * token's hash is stored (on the subscription record, so it survives restarts).
     *
     * @return the new token, shown once; empty when the owner has no subscription with this id
     */
    public synchronized Optional<String> rotateFeedToken(String owner, String id) {
        Optional<SubscriptionEvent> existing = get(owner, id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        SubscriptionEvent s = existing.get();
        String token = FeedTokens.newToken();
        store.put(new SubscriptionEvent(s.schemaVersion(), s.id(), s.owner(), s.name(), s.themes(), s.minScore(),
                s.languages(), s.sources(), s.mode(), s.webhookUrl(), s.webhookSecret(), s.email(), s.includeSurges(),
                s.createdAt(), clock.instant(), s.ntfy(), s.slack(), s.telegram(), FeedTokens.hash(token), s.query()));
        return Optional.of(token);
    }

    /**
     * The subscription whose feed this token opens; empty for an unknown id, a subscription without a token, and a
     * wrong or rotated token alike.
     */
    public Optional<SubscriptionEvent> byFeedToken(String id, String token) {
        return store.get(id).filter(s -> FeedTokens.matches(token, s.feedTokenHash()));
    }

    /** Deletes the owner's subscription; false when the owner has none with this id. */
    public boolean delete(String owner, String id) {
        if (get(owner, id).isEmpty()) {
            return false;
        }
        store.delete(id);
        return true;
    }

    /**
     * Makes sure the default subscription ("default", owned by "local", every theme, immediate) exists.
     *
     * @return true when it was created now
     */
    public boolean ensureDefault() {
        if (store.get(DEFAULT_ID).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        store.put(new SubscriptionEvent(SubscriptionEvent.CURRENT_VERSION, DEFAULT_ID, DEFAULT_OWNER,
                "All themes (console and dashboard)", List.of(), 0, List.of(), List.of(), DeliveryMode.IMMEDIATE,
                null, null, null, true, now, now));
        return true;
    }

    /**
     * Checks a request as a create or replace does, without saving anything (the preview uses it).
     *
     * @throws InvalidSubscriptionException naming each refused field
     */
    public void validate(SubscriptionRequest request) {
        List<FieldError> problems = validator.problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidSubscriptionException(problems, false);
        }
    }

    /**
     * A subscription that has a webhook or e-mail address must keep one: an update that drops the last one by mistake
     * (a replace that forgot a field) would leave alerts going nowhere a user looks.
     */
    private static void checkKeepsAChannel(SubscriptionEvent old, SubscriptionRequest request) {
        boolean had = old.webhookUrl() != null || old.email() != null || old.ntfy() != null || old.slack() != null
                || old.telegram() != null;
        boolean has = request.webhookUrl() != null || request.email() != null || request.ntfy() != null
                || request.slack() != null || request.telegram() != null;
        if (had && !has) {
            String field = old.webhookUrl() != null ? "webhookUrl" : old.email() != null ? "email"
                    : old.ntfy() != null ? "ntfy" : old.slack() != null ? "slack" : "telegram";
            throw new InvalidSubscriptionException(List.of(new FieldError(field, "the update would leave the "
                    + "subscription with no delivery channel: keep or give a webhookUrl, email, ntfy, slack or "
                    + "telegram (PATCH changes only the fields it names), or delete the subscription")), false);
        }
    }

    private static SubscriptionEvent toEvent(String id, String owner, SubscriptionRequest r, SubscriptionEvent old,
            Instant createdAt, Instant updatedAt) {
        String oldSecret = old == null ? null : old.webhookSecret();
        List<String> themes = r.themes() == null || r.themes().contains("*") ? List.of()
                : r.themes().stream().distinct().toList();
        String secret = null;
        if (r.webhookUrl() != null) {
            secret = r.webhookSecret() != null ? r.webhookSecret() : oldSecret != null ? oldSecret : newSecret();
        }
        return new SubscriptionEvent(SubscriptionEvent.CURRENT_VERSION, id, owner, r.name(), themes,
                r.minScore() == null ? 0 : r.minScore(), strip(r.languages()), strip(r.sources()), r.mode(),
                r.webhookUrl(), secret, r.email(), Boolean.TRUE.equals(r.includeSurges()), createdAt, updatedAt,
                strip(r.ntfy()), strip(r.slack()), r.telegram(), old == null ? null : old.feedTokenHash(), r.query());
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<String> strip(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }

    /** A new random subscription id such as "sub-k3m9x2p7q4rt". */
    static String newId() {
        StringBuilder b = new StringBuilder("sub-");
        for (int i = 0; i < 12; i++) {
            b.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return b.toString();
    }

    /** A new webhook signing secret in the "whsec_" + base64 form. */
    static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
