package org.newsmonitor.ingest.websub;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One feed's subscription at one of the hubs it advertises: a pure state machine (no I/O, no clock of its own). A
 * subscription is {@link State#PENDING} from the request until the hub verifies our intent, {@link State#ACTIVE}
 * while its lease runs (renewed after {@code renewAt} of it), and {@link State#FAILED} when the hub refused, did not
 * verify in time, sent a delivery we could not authenticate or let the lease lapse. A failed subscription names the
 * next advertised hub not yet failed in this round ({@link #nextHub()}): it is asked at once, by a new subscription
 * ({@link #next}) that keeps the round's failures. Only the first {@link #MAX_HUBS} hubs advertised are used, and a
 * round asks at most that many hubs: a hub that failed in the round (or that the feed moved off because it was no
 * longer advertised) is not asked again in it, even when the list changes back. When every advertised hub has failed
 * (or the round is full) the feed is polled at its usual pace and the first hub is asked again {@code retryAfter}
 * after the last failure, with a new secret.
 */
public final class Subscription {
    /** Where a subscription stands. */
    public enum State { PENDING, ACTIVE, FAILED }

    /**
     * What the subscriber should do for this subscription now: nothing, renew the lease, ask the next advertised hub
     * (this one failed), or start again at the first advertised hub (every one failed, the retry delay is over).
     */
    public enum Action { NONE, RENEW, NEXT_HUB, RESUBSCRIBE }

    /**
     * A hub that failed the feed.
     *
     * @param hub    the hub
     * @param reason why, in one line
     * @param at     when
     */
    public record HubFailure(URI hub, String reason, Instant at) {
        @Override
        public String toString() {
            return hub + " at " + at + " (" + reason + ")";
        }
    }

    /**
     * Shortest lease accepted from a hub (or the lease asked for, when shorter): a shorter one would have the
     * subscriber call the hub every few seconds to renew it.
     */
    public static final Duration MIN_LEASE = Duration.ofSeconds(60);

    /** Most hubs of one feed used (the first advertised), and most hubs asked in one round. */
    public static final int MAX_HUBS = 4;

    private final String feedId;
    private final URI hub;
    private final URI topic;
    private final String secret;
    private final String callbackToken;
    private final WebSubSettings settings;
    /** The hubs that failed in this round before this subscription, advertised now or not. */
    private final List<HubFailure> earlierFailures;
    private List<URI> advertised;
    private State state = State.PENDING;
    private Instant requestedAt;
    private boolean awaitingVerification = true;
    private Instant verifiedAt;
    private Instant leaseEndsAt;
    private Instant failedAt;
    private String failure;
    private long deliveries;
    private Instant lastDeliveryAt;

    /**
     * A subscription just requested at the only hub a feed advertises.
     *
     * @param feedId   the feed
     * @param hub      the hub asked
     * @param topic    the topic URL asked for
     * @param secret   the secret sent with the request
     * @param callbackToken the random last segment of the callback path given to the hub: a verification or
     *                 delivery at any other path is not the hub's
     * @param settings lease, timeouts
     * @param now      when the request was sent
     */
    public Subscription(String feedId, URI hub, URI topic, String secret, String callbackToken,
            WebSubSettings settings, Instant now) {
        this(feedId, List.of(hub), hub, List.of(), topic, secret, callbackToken, settings, now);
    }

    private Subscription(String feedId, List<URI> advertised, URI hub, List<HubFailure> earlierFailures, URI topic,
            String secret, String callbackToken, WebSubSettings settings, Instant now) {
        this.feedId = Objects.requireNonNull(feedId);
        this.advertised = List.copyOf(advertised);
        this.hub = Objects.requireNonNull(hub);
        this.earlierFailures = List.copyOf(earlierFailures);
        this.topic = Objects.requireNonNull(topic);
        this.secret = Objects.requireNonNull(secret);
        this.callbackToken = Objects.requireNonNull(callbackToken);
        this.settings = Objects.requireNonNull(settings);
        this.requestedAt = now;
    }

    /**
     * A subscription just requested at the first hub a feed advertises, with no hub failed yet.
     *
     * @param feedId        the feed
     * @param links         the hubs advertised, in order (at least one), and the topic
     * @param secret        the secret sent with the request
     * @param callbackToken the random last segment of the callback path given to the hub
     * @param settings      lease, timeouts
     * @param now           when the request was sent
     * @throws IllegalArgumentException when no hub is advertised
     */
    public static Subscription first(String feedId, HubLinks links, String secret, String callbackToken,
            WebSubSettings settings, Instant now) {
        if (links.hubs().isEmpty()) {
            throw new IllegalArgumentException("feed " + feedId + " advertises no hub");
        }
        return new Subscription(feedId, links.hubs(), links.hubs().get(0), List.of(), links.self(), secret,
                callbackToken, settings, now);
    }

    /**
     * The subscription at the next advertised hub, after this one failed: same feed and topic, a new secret and
     * token, and the hubs failed so far.
     *
     * @return the new subscription (just requested); null when this one has not failed or no hub is left
     */
    public synchronized Subscription next(String newSecret, String newToken, Instant now) {
        URI nextHub = nextHub();
        if (nextHub == null) {
            return null;
        }
        return new Subscription(feedId, advertised, nextHub, roundFailures(), topic, newSecret, newToken, settings,
                now);
    }

    /**
     * The hub to ask now that this one failed: the first hub in use that has not failed in this round.
     *
     * @return the hub; null while this subscription has not failed, when every hub in use has failed, or when the
     *         round has asked {@link #MAX_HUBS} hubs
     */
    public synchronized URI nextHub() {
        List<HubFailure> round = roundFailures();
        if (state != State.FAILED || round.size() >= MAX_HUBS) {
            return null;
        }
        Set<URI> failed = new HashSet<>();
        for (HubFailure f : round) {
            failed.add(f.hub());
        }
        for (URI candidate : inUse()) {
            if (!failed.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The hubs the feed advertises now (seen on a poll), in order; the next hub after a failure is chosen among
     * the first {@link #MAX_HUBS} of them.
     *
     * @return true when this subscription is pending or active at a hub no longer among those: the subscriber
     *         unsubscribes there and fails it ({@link #fail}), so the next hub is asked as after any failure
     */
    public synchronized boolean readvertised(List<URI> hubs) {
        advertised = List.copyOf(hubs);
        return state != State.FAILED && !inUse().contains(hub);
    }

    /** The advertised hubs used: the first {@link #MAX_HUBS}. */
    private List<URI> inUse() {
        return advertised.subList(0, Math.min(MAX_HUBS, advertised.size()));
    }

    /** The hubs advertised beyond {@link #MAX_HUBS}, which are not used. */
    public synchronized int ignoredHubs() {
        return Math.max(0, advertised.size() - MAX_HUBS);
    }

    /** The hubs in use that failed in this round, this one included when failed. */
    public synchronized List<HubFailure> failedHubs() {
        List<URI> used = inUse();
        return roundFailures().stream().filter(f -> used.contains(f.hub())).toList();
    }

    /** Every hub that failed in this round, advertised now or not, this one included when failed. */
    private List<HubFailure> roundFailures() {
        if (state != State.FAILED) {
            return earlierFailures;
        }
        List<HubFailure> all = new ArrayList<>(earlierFailures);
        all.add(new HubFailure(hub, failure, failedAt));
        return List.copyOf(all);
    }

    /**
     * The hub's intent verification for a subscription. Accepted only for the topic we asked for, while we await a
     * verification, and with a challenge to echo.
     *
     * @param topicAsked   hub.topic of the request
     * @param challenge    hub.challenge
     * @param leaseSeconds hub.lease_seconds; null when absent (then the lease we asked for)
     * @param now          when it arrived
     * @return null when accepted (answer the challenge), otherwise why it is refused
     */
    public synchronized String verify(String topicAsked, String challenge, Long leaseSeconds, Instant now) {
        if (!topic.toString().equals(topicAsked)) {
            return "verification for topic '" + topicAsked + "', but " + topic + " was asked for";
        }
        if (!awaitingVerification) {
            return "verification of a subscription to " + topic + " that was not requested (state " + state + ")";
        }
        if (challenge == null || challenge.isEmpty()) {
            return "verification without hub.challenge";
        }
        Duration shortest = MIN_LEASE.compareTo(settings.lease()) < 0 ? MIN_LEASE : settings.lease();
        if (leaseSeconds != null && leaseSeconds < shortest.toSeconds()) {
            return "verification with hub.lease_seconds " + leaseSeconds + " (at least " + shortest.toSeconds()
                    + " accepted)";
        }
        // a lease longer than asked for is kept as asked: renewed early, never overflowing the clock
        Duration lease = leaseSeconds == null || leaseSeconds > settings.lease().toSeconds() ? settings.lease()
                : Duration.ofSeconds(leaseSeconds);
        state = State.ACTIVE;
        awaitingVerification = false;
        verifiedAt = now;
        leaseEndsAt = now.plus(lease);
        failure = null;
        failedAt = null;
        return null;
    }

    /**
     * The hub denied the subscription (hub.mode=denied), refused the request, or is no longer advertised. A
     * subscription that has failed already stays as it is: a repeated failure does not move its retry time.
     *
     * @return false when it had failed already (nothing changed)
     */
    public synchronized boolean fail(String reason, Instant now) {
        if (state == State.FAILED) {
            return false;
        }
        state = State.FAILED;
        awaitingVerification = false;
        failure = reason;
        failedAt = now;
        return true;
    }

    /** A renewal request was sent now (the subscription stays active until its lease ends). */
    public synchronized void renewalRequested(Instant now) {
        requestedAt = now;
        awaitingVerification = true;
    }

    /** A delivery was authenticated and accepted. */
    public synchronized void delivered(Instant now) {
        deliveries++;
        lastDeliveryAt = now;
    }

    /**
     * Moves time forward: a pending request not verified within the verify timeout fails, a lapsed lease fails,
     * and says whether to renew or subscribe again.
     *
     * @return what to do now; never null
     */
    public synchronized Action tick(Instant now) {
        if (state == State.PENDING && !now.isBefore(requestedAt.plus(settings.verifyTimeout()))) {
            fail("hub " + hub + " did not verify the subscription within "
                    + settings.verifyTimeout().toSeconds() + " s", now);
        }
        if (state == State.ACTIVE && !now.isBefore(leaseEndsAt)) {
            fail("lease at " + hub + " ended at " + leaseEndsAt + " without renewal", now);
        }
        if (state == State.ACTIVE && !awaitingVerification && !now.isBefore(renewAt())) {
            return Action.RENEW;
        }
        if (state == State.ACTIVE && awaitingVerification
                && !now.isBefore(requestedAt.plus(settings.verifyTimeout()))) {
            // the renewal was not verified in time: ask again, the lease still runs
            return Action.RENEW;
        }
        if (state == State.FAILED && nextHub() != null) {
            return Action.NEXT_HUB;
        }
        if (state == State.FAILED && !now.isBefore(retryAt())) {
            return Action.RESUBSCRIBE;
        }
        return Action.NONE;
    }

    /** When the lease is renewed: after {@code renewAt} of it; null before verification. */
    public synchronized Instant renewAt() {
        if (verifiedAt == null || leaseEndsAt == null) {
            return null;
        }
        long leaseMillis = Duration.between(verifiedAt, leaseEndsAt).toMillis();
        return verifiedAt.plusMillis((long) (leaseMillis * settings.renewAt()));
    }

    /** True while the hub pushes this feed: verified, lease running, nothing refused since. */
    public synchronized boolean healthy() {
        return state == State.ACTIVE;
    }

    /**
     * One line for feed health: the hub in use and its state, the hubs that failed before it, and once every
     * advertised hub failed, when the first is asked again.
     */
    public synchronized String describe() {
        List<URI> used = inUse();
        List<HubFailure> earlier = earlierFailures.stream().filter(f -> used.contains(f.hub())).toList();
        String before = earlier.isEmpty() ? "" : "; hubs failed: " + joined(earlier);
        String ignored = ignoredHubs() == 0 ? "" : "; " + ignoredHubs() + " more advertised hub"
                + (ignoredHubs() == 1 ? "" : "s") + " ignored (at most " + MAX_HUBS + " are used)";
        return describeState(before) + ignored;
    }

    private String describeState(String before) {
        return switch (state) {
            case PENDING -> "pending: subscribed at " + hub + " " + requestedAt + ", awaiting verification" + before;
            case ACTIVE -> "active via " + hub + ", lease until " + leaseEndsAt + ", " + deliveries + " deliver"
                    + (deliveries == 1 ? "y" : "ies") + (lastDeliveryAt == null ? "" : ", last " + lastDeliveryAt)
                    + before;
            case FAILED -> describeFailed(before);
        };
    }

    private String describeFailed(String before) {
        URI nextHub = nextHub();
        if (nextHub != null) {
            return "failed: " + failure + "; polling; asking " + nextHub + " next" + before;
        }
        List<HubFailure> failed = failedHubs();
        if (roundFailures().size() == 1) {
            return "failed: " + failure + "; polling; hub asked again at " + retryAt();
        }
        return "failed: every hub (" + failed.size() + "): " + joined(failed) + "; polling; "
                + (advertised.isEmpty() ? hub : advertised.get(0)) + " asked again at " + retryAt();
    }

    private static String joined(List<HubFailure> failures) {
        StringJoiner out = new StringJoiner(", ");
        failures.forEach(f -> out.add(f.toString()));
        return out.toString();
    }

    /** When the first hub is asked again, once every advertised hub failed; null unless failed. */
    private Instant retryAt() {
        return failedAt == null ? null : failedAt.plus(settings.retryAfter());
    }

    public String feedId() {
        return feedId;
    }

    public URI hub() {
        return hub;
    }

    public URI topic() {
        return topic;
    }

    public String secret() {
        return secret;
    }

    /** The last segment of the callback path given to the hub. */
    public String callbackToken() {
        return callbackToken;
    }

    /** True when {@code token} is this subscription's callback token (compared in constant time). */
    public boolean calledAt(String token) {
        return token != null && java.security.MessageDigest.isEqual(
                callbackToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public synchronized State state() {
        return state;
    }

    /** Why it failed; null unless {@link State#FAILED}. */
    public synchronized String failure() {
        return failure;
    }

    /** When the lease ends; null before verification. */
    public synchronized Instant leaseEndsAt() {
        return leaseEndsAt;
    }

    /** Deliveries accepted. */
    public synchronized long deliveries() {
        return deliveries;
    }
}
