package org.newsmonitor.ingest.websub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.poll.PollOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingester's WebSub subscriber: subscribes each feed that advertises a hub, at the first hub it names, answers
 * the hubs' intent verifications, authenticates deliveries and hands them to the poller's own path, renews leases,
 * unsubscribes feeds removed from the list, and tells the ingester to poll a feed again at its own pace when its hub
 * fails. A hub that fails is followed by the next one the feed advertises (one request per scheduling step, so a
 * feed with several slow hubs does not hold a thread for all of them); when every one has failed, the first is asked
 * again after the retry delay ({@link Subscription}). A feed whose hub in use is no longer advertised is unsubscribed
 * there and that hub counts as failed, so the feed is polled again and the next hub is asked. Requests to hubs run on
 * its own threads, never on a poller's. Thread-safe.
 */
public final class WebSubSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSubSubscriber.class);
    private static final long TICK_MILLIS = 500;
    /** Longest hub.challenge echoed. */
    public static final int MAX_CHALLENGE = 1024;

    /** What the subscriber needs of the ingester. */
    public interface Feeds {
        /**
         * Publishes a pushed document of a feed through the poller's path.
         *
         * @return what happened; null when the feed is not (or no longer) in the list
         */
        PollOutcome pushed(String feedId, byte[] body, String contentType);

        /** The feed's hub failed: poll it again at its own pace, starting soon. */
        void pollAgain(String feedId);
    }

    /** A subscription being cancelled at its hub, and when the request was sent. */
    private record Leaving(Subscription subscription, Instant askedAt) {
    }

    /** An answer to the hub: status, plain-text body and, with 429, when to come back (else null). */
    public record Answer(int status, String body, Duration retryAfter) {
        public Answer(int status, String body) {
            this(status, body, null);
        }
    }

    private final WebSubSettings settings;
    private final HubClient hubs;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Unsubscriptions awaiting the hub's verification, by callback token (a feed may have several). */
    private final Map<String, Leaving> unsubscribing = new ConcurrentHashMap<>();
    private final Map<String, HubLinks> discovered = new ConcurrentHashMap<>();
    private final Set<String> requesting = ConcurrentHashMap.newKeySet();
    private final HostLimiter deliveryBudget;
    private final ScheduledExecutorService executor;
    private volatile Feeds feeds;

    /**
     * A subscriber; requests start once {@link #start(Feeds)} is called.
     *
     * @param settings callback base, lease and timeouts; must be enabled
     * @param hubs     how requests reach hubs
     * @param clock    time source
     */
    public WebSubSubscriber(WebSubSettings settings, HubClient hubs, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("WebSub is off: no callback base");
        }
        this.settings = settings;
        this.hubs = hubs;
        this.clock = clock;
        this.deliveryBudget = new HostLimiter(Integer.MAX_VALUE, settings.deliveriesPerHour());
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "ingest-websub-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts lease keeping; deliveries go to {@code target}. */
    public void start(Feeds target) {
        this.feeds = target;
        executor.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * What a fetch of the feed advertised; subscribes at its first hub when it names one and the feed has no
     * subscription yet; when the hub in use is no longer advertised, unsubscribes there and fails it (the next hub
     * not failed in this round is asked). Returns at once.
     */
    public void discovered(String feedId, HubLinks links) {
        if (links.hubs().isEmpty()) {
            return;
        }
        HubLinks before = discovered.put(feedId, links);
        if (links.hubs().size() > Subscription.MAX_HUBS
                && (before == null || before.hubs().size() <= Subscription.MAX_HUBS)) {
            LOG.warn("WebSub: feed {} advertises {} hubs; only the first {} are used", feedId, links.hubs().size(),
                    Subscription.MAX_HUBS);
        }
        Subscription current = subscriptions.get(feedId);
        if (current == null) {
            requestInBackground(feedId, () -> subscribeFirst(feedId));
        } else if (current.readvertised(links.hubs())) {
            String why = "its hub " + current.hub() + " is no longer advertised";
            failed(current, why, clock.instant());
            submit(() -> unsubscribe(current, why));
        }
    }

    /** The feed left the feed list: its subscription is cancelled at the hub. */
    public void removed(String feedId) {
        discovered.remove(feedId);
        Subscription gone = subscriptions.remove(feedId);
        if (gone != null) {
            submit(() -> unsubscribe(gone, "it was removed"));
        }
    }

    /** True while the feed's subscription is verified and no delivery was refused since. */
    public boolean healthy(String feedId) {
        Subscription s = subscriptions.get(feedId);
        return s != null && s.healthy();
    }

    /** The hub of a healthy subscription; null otherwise. */
    public URI healthyHub(String feedId) {
        Subscription s = subscriptions.get(feedId);
        return s != null && s.healthy() ? s.hub() : null;
    }

    /** The feed's WebSub state in one line; null when it has no subscription (no hub advertised). */
    public String describe(String feedId) {
        Subscription s = subscriptions.get(feedId);
        if (s != null) {
            return s.describe();
        }
        HubLinks links = discovered.get(feedId);
        return requesting.contains(feedId) && links != null && !links.hubs().isEmpty()
                ? "subscribing at " + links.hubs().get(0) : null;
    }

    /** The subscription of a feed, for tests; may be null. */
    Subscription subscription(String feedId) {
        return subscriptions.get(feedId);
    }

    /** True while a request for the feed is under way on a subscriber thread, for tests. */
    boolean requesting(String feedId) {
        return requesting.contains(feedId);
    }

    /**
     * A hub's intent verification (GET on the callback).
     *
     * @param feedId       the feed of the callback path
     * @param token        the last segment of the callback path (the subscription's token); may be null
     * @param mode         hub.mode: subscribe, unsubscribe or denied
     * @param topic        hub.topic
     * @param challenge    hub.challenge
     * @param leaseSeconds hub.lease_seconds, or null
     * @param reason       hub.reason (with denied), or null
     * @return the answer: 200 with the challenge when accepted, 404 when refused
     */
    public Answer verification(String feedId, String token, String mode, String topic, String challenge,
            Long leaseSeconds, String reason) {
        Instant now = clock.instant();
        if (challenge != null && challenge.length() > MAX_CHALLENGE) {
            LOG.warn("WebSub: feed {}: refused a {} verification with a hub.challenge of {} characters (at most {})",
                    feedId, mode, challenge.length(), MAX_CHALLENGE);
            return new Answer(400, "hub.challenge of " + challenge.length() + " characters; at most " + MAX_CHALLENGE
                    + " are echoed");
        }
        if ("unsubscribe".equals(mode)) {
            Leaving asked = token == null ? null : unsubscribing.get(token);
            Subscription leaving = asked == null ? null : asked.subscription();
            if (leaving != null && leaving.feedId().equals(feedId) && leaving.calledAt(token)
                    && leaving.topic().toString().equals(topic) && challenge != null && !challenge.isEmpty()) {
                unsubscribing.remove(token, asked);
                LOG.info("WebSub: feed {} unsubscribed at {}", feedId, leaving.hub());
                return new Answer(200, challenge);
            }
            return refused(feedId, "unsubscribe verification for topic '" + topic + "' that was not requested");
        }
        Subscription s = subscriptions.get(feedId);
        if (s == null) {
            return refused(feedId, mode + " verification for a feed with no subscription (topic '" + topic + "')");
        }
        if (!s.calledAt(token)) {
            return refused(feedId, mode + " verification at a callback path no hub was given");
        }
        if ("denied".equals(mode)) {
            if (!s.topic().toString().equals(topic)) {
                return refused(feedId, "denial for topic '" + topic + "', but " + s.topic() + " was asked for");
            }
            failed(s, "hub " + s.hub() + " denied the subscription" + (reason == null ? "" : ": " + reason), now);
            return new Answer(200, "");
        }
        if (!"subscribe".equals(mode)) {
            return refused(feedId, "verification with hub.mode '" + mode + "'");
        }
        String refusal = s.verify(topic, challenge, leaseSeconds, now);
        if (refusal != null) {
            return refused(feedId, refusal);
        }
        LOG.info("WebSub: feed {} is pushed by {} until {}", feedId, s.hub(), s.leaseEndsAt());
        return new Answer(200, challenge);
    }

    /**
     * A delivery (POST on the callback): published through the poller's path when its signature is the
     * subscription's; refused otherwise, and then the feed is polled at its own pace again.
     *
     * @param feedId      the feed of the callback path
     * @param token       the last segment of the callback path (the subscription's token); may be null
     * @param signature   the X-Hub-Signature header; null when absent
     * @param contentType the Content-Type header; may be null
     * @param body        the delivered document
     * @return 200 when published, 403 when not authentic, 404 for a feed without subscription, 400 when the
     *         document is not a feed, 429 beyond the feed's hourly delivery budget, 503 when Kafka refused it (the
     *         hub retries)
     */
    public Answer delivery(String feedId, String token, String signature, String contentType, byte[] body) {
        Instant now = clock.instant();
        Subscription s = subscriptions.get(feedId);
        if (s == null) {
            LOG.warn("WebSub: feed {}: delivery refused: the feed has no subscription", feedId);
            return new Answer(404, "no subscription for this callback");
        }
        if (!s.calledAt(token)) {
            // not the hub (or a subscription replaced since): refused without touching the subscription
            LOG.warn("WebSub: feed {}: delivery refused: at a callback path no hub was given", feedId);
            return new Answer(404, "no subscription for this callback");
        }
        DeliverySignature.Verdict verdict = DeliverySignature.check(signature, s.secret(), body);
        if (!verdict.valid()) {
            failed(s, "delivery refused: " + verdict.reason(), now);
            return new Answer(403, "signature refused");
        }
        Instant allowedAt = deliveryBudget.spend(feedId, now);
        if (allowedAt != null) {
            LOG.warn("WebSub: feed {}: delivery refused: the hourly budget of {} deliveries is spent until {}", feedId,
                    settings.deliveriesPerHour(), allowedAt);
            return new Answer(429, "more than " + settings.deliveriesPerHour() + " deliveries in an hour",
                    Duration.between(now, allowedAt));
        }
        Feeds target = feeds;
        PollOutcome outcome = target == null ? null : target.pushed(feedId, body, contentType);
        if (outcome == null) {
            return new Answer(404, "feed not in the feed list");
        }
        return switch (outcome.kind()) {
            case FETCHED, NOT_MODIFIED -> {
                s.delivered(now);
                yield new Answer(200, outcome.published() + " new");
            }
            case KAFKA_UNAVAILABLE -> new Answer(503, "cannot publish now; retry later");
            case DISABLED -> new Answer(410, "feed disabled");
            case FAILED -> new Answer(400, outcome.reason() == null ? "not a feed" : outcome.reason());
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Runs {@code request} on a subscriber thread unless a request for the feed is under way. */
    private void requestInBackground(String feedId, Runnable request) {
        if (!requesting.add(feedId)) {
            return;
        }
        submit(() -> {
            try {
                request.run();
            } finally {
                requesting.remove(feedId);
            }
        });
    }

    /** Subscribes the feed at the first hub it advertises now (on a subscriber thread). */
    private void subscribeFirst(String feedId) {
        HubLinks links = discovered.get(feedId);
        if (links == null || links.hubs().isEmpty()) {
            return;
        }
        Subscription s = Subscription.first(feedId, links, newSecret(), newToken(), settings, clock.instant());
        // in place before the request: a hub may verify before it answers
        subscriptions.put(feedId, s);
        if (!discovered.containsKey(feedId)) {
            // removed meanwhile: removed() may have run before the put
            subscriptions.remove(feedId, s);
            return;
        }
        ask(s);
    }

    /**
     * Asks the feed's next hub in place of {@code failed} (on a subscriber thread), unless {@code failed} has not
     * failed, no hub is left, or it was replaced or removed meanwhile.
     */
    private void askNext(Subscription failed) {
        Subscription next = failed.next(newSecret(), newToken(), clock.instant());
        if (next != null && subscriptions.replace(failed.feedId(), failed, next)) {
            ask(next);
        }
    }

    /**
     * Sends the subscription request of {@code s}, already in place. When it is refused the subscription fails; the
     * next hub is asked from a later tick, so one feed holds a subscriber thread for one request at a time.
     */
    private void ask(Subscription s) {
        String error = hubs.send(s.hub(), form("subscribe", s, s.secret()));
        if (error != null) {
            failed(s, "hub " + s.hub() + " refused the subscription request: " + error, clock.instant());
        } else {
            LOG.info("WebSub: feed {} subscribed at {} for {}; awaiting verification", s.feedId(), s.hub(),
                    s.topic());
        }
    }

    private void unsubscribe(Subscription gone, String why) {
        String feedId = gone.feedId();
        Leaving leaving = new Leaving(gone, clock.instant());
        unsubscribing.put(gone.callbackToken(), leaving);
        String error = hubs.send(gone.hub(), form("unsubscribe", gone, null));
        if (error != null) {
            unsubscribing.remove(gone.callbackToken(), leaving);
            LOG.warn("WebSub: feed {}: {}, but hub {} refused to unsubscribe it: {}", feedId, why, gone.hub(), error);
        } else {
            LOG.info("WebSub: feed {}: {}; unsubscribing at {}", feedId, why, gone.hub());
        }
    }

    private void renew(Subscription s) {
        s.renewalRequested(clock.instant());
        String error = hubs.send(s.hub(), form("subscribe", s, s.secret()));
        if (error != null) {
            LOG.warn("WebSub: feed {}: renewing at {} failed: {}; retrying while the lease runs", s.feedId(),
                    s.hub(), error);
        }
    }

    private void tick() {
        Instant now = clock.instant();
        // an unsubscription the hub did not verify in time is forgotten, as a subscription would fail
        unsubscribing.values().removeIf(l -> !now.isBefore(l.askedAt().plus(settings.verifyTimeout())));
        for (Subscription s : subscriptions.values()) {
            Subscription.State before = s.state();
            Subscription.Action action = s.tick(now);
            if (before != Subscription.State.FAILED && s.state() == Subscription.State.FAILED) {
                fellBack(s, before);
            }
            switch (action) {
                case RENEW -> submit(() -> renew(s));
                case NEXT_HUB -> requestInBackground(s.feedId(), () -> askNext(s));
                case RESUBSCRIBE -> requestInBackground(s.feedId(), () -> {
                    if (subscriptions.get(s.feedId()) == s) {
                        subscribeFirst(s.feedId());
                    }
                });
                case NONE -> {
                }
            }
        }
    }

    private void failed(Subscription s, String reason, Instant now) {
        Subscription.State before = s.state();
        if (!s.fail(reason, now)) {
            return;
        }
        fellBack(s, before);
        if (s.nextHub() != null) {
            requestInBackground(s.feedId(), () -> askNext(s));
        }
    }

    private void fellBack(Subscription s, Subscription.State before) {
        URI next = s.nextHub();
        LOG.warn("WebSub: feed {}: hub {} failed: {}; polling takes over{}", s.feedId(), s.hub(), s.failure(),
                next != null ? "; asking " + next + " next" : "; every advertised hub failed");
        Feeds target = feeds;
        if (before == Subscription.State.ACTIVE && target != null) {
            target.pollAgain(s.feedId());
        }
    }

    private String newSecret() {
        return HexFormat.of().formatHex(randomBytes(32));
    }

    private String newToken() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    private Answer refused(String feedId, String why) {
        LOG.warn("WebSub: feed {}: refused {}", feedId, why);
        return new Answer(404, "not requested");
    }

    private Map<String, String> form(String mode, Subscription s, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", mode);
        form.put("hub.topic", s.topic().toString());
        form.put("hub.callback", settings.callback(s.feedId(), s.callbackToken()).toString());
        if (secret != null) {
            form.put("hub.secret", secret);
            form.put("hub.lease_seconds", String.valueOf(settings.lease().toSeconds()));
        }
        return form;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }
}
