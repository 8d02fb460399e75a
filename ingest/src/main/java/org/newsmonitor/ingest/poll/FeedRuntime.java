package org.newsmonitor.ingest.poll;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.fetch.Validators;

/**
 * The live state of one feed: what was committed to Kafka (URL, validators, seen ids) plus its health. Only one poll
 * of a feed runs at a time; reads from other threads (health) go through the synchronized accessors.
 */
public final class FeedRuntime {
    private FeedDefinition definition;
    private URI url;
    private Validators validators = Validators.NONE;
    private List<String> seenIds = List.of();
    private Instant lastSuccessAt;
    private String lastError;
    private Instant lastErrorAt;
    private int consecutiveFailures;
    private int kafkaFailures;
    private Instant nextPollAt;
    private boolean disabled;
    private boolean kafkaUnavailable;
    private long articlesPublished;

    /** A feed that was never polled. */
    public FeedRuntime(FeedDefinition definition) {
        this.definition = definition;
        this.url = definition.url();
    }

    /** The feed's definition, as the feed list says now. */
    public synchronized FeedDefinition definition() {
        return definition;
    }

    /**
     * Takes over an edited definition of this feed from the feed list. A changed URL is polled from now on, without
     * the validators of the old one.
     *
     * @throws IllegalArgumentException when {@code edited} is another feed
     */
    public synchronized void redefine(FeedDefinition edited) {
        if (!edited.id().equals(definition.id())) {
            throw new IllegalArgumentException("feed " + definition.id() + " cannot become feed " + edited.id());
        }
        if (!edited.url().equals(definition.url())) {
            url = edited.url();
            validators = Validators.NONE;
        }
        definition = edited;
    }

    /**
     * When the feed is due, decided now from its current definition: a healthy feed one interval (as the feed list
     * says now) after its last success, a failing one when its backoff ends, a feed never polled at once. Never
     * earlier than {@code now}.
     *
     * @return when to poll next; null for a disabled feed
     */
    public synchronized Instant dueAt(Instant now) {
        if (disabled) {
            return null;
        }
        Instant due;
        if (consecutiveFailures > 0 || kafkaUnavailable || lastSuccessAt == null) {
            due = nextPollAt;
        } else {
            due = lastSuccessAt.plus(definition.interval());
        }
        return due == null || due.isBefore(now) ? now : due;
    }

    /** Takes over what Kafka has committed for this feed. */
    public synchronized void restore(FeedStateEvent state) {
        url = URI.create(state.url());
        validators = new Validators(state.etag(), state.lastModified());
        seenIds = List.copyOf(state.seenIds());
        lastSuccessAt = state.lastSuccessAt();
        lastError = state.lastError();
        lastErrorAt = state.lastErrorAt();
        consecutiveFailures = state.consecutiveFailures();
        nextPollAt = state.nextPollAt();
        disabled = state.disabled();
    }

    /** Takes over only the committed URL, validators and seen ids, keeping this session's health. */
    public synchronized void adoptCommitted(FeedStateEvent state) {
        url = URI.create(state.url());
        validators = new Validators(state.etag(), state.lastModified());
        seenIds = List.copyOf(state.seenIds());
    }

    /** The state record as it would be after the given committed values. */
    public synchronized FeedStateEvent toEvent(URI newUrl, Validators newValidators, List<String> newSeen,
            Instant successAt, String error, Instant errorAt, int failures, Instant next, boolean isDisabled) {
        return new FeedStateEvent(FeedStateEvent.CURRENT_VERSION, definition.id(), newUrl.toString(),
                newValidators.etag(), newValidators.lastModified(), newSeen, successAt, error, errorAt, failures, next,
                isDisabled);
    }

    /** The current state as a record. */
    public synchronized FeedStateEvent toEvent() {
        return toEvent(url, validators, seenIds, lastSuccessAt, lastError, lastErrorAt, consecutiveFailures, nextPollAt,
                disabled);
    }

    synchronized void succeeded(URI newUrl, Validators newValidators, List<String> newSeen, Instant at, Instant next,
            int published) {
        url = newUrl;
        validators = newValidators;
        seenIds = List.copyOf(newSeen);
        lastSuccessAt = at;
        consecutiveFailures = 0;
        kafkaFailures = 0;
        kafkaUnavailable = false;
        nextPollAt = next;
        articlesPublished += published;
    }

    synchronized void failed(String reason, Instant at, Instant next, boolean gone) {
        lastError = reason;
        lastErrorAt = at;
        consecutiveFailures++;
        kafkaFailures = 0;
        kafkaUnavailable = false;
        nextPollAt = next;
        disabled = disabled || gone;
    }

    synchronized void kafkaFailed(Instant next) {
        kafkaFailures++;
        kafkaUnavailable = true;
        nextPollAt = next;
    }

    /** Records when the feed is polled next, as decided by the scheduler (shown in its health). */
    public synchronized void rescheduled(Instant next) {
        nextPollAt = next;
    }

    /** The URL polled now (after a remembered permanent redirect, the new one). */
    public synchronized URI url() {
        return url;
    }

    /** Validators to send. */
    public synchronized Validators validators() {
        return validators;
    }

    /** Ids already published, oldest first. */
    public synchronized List<String> seenIds() {
        return new ArrayList<>(seenIds);
    }

    /** Last successful poll; may be null. */
    public synchronized Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    /** Last failure in one line; may be null. */
    public synchronized String lastError() {
        return lastError;
    }

    /** When it last failed; may be null. */
    public synchronized Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Failures since the last success. */
    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Consecutive polls whose publish Kafka refused. */
    public synchronized int kafkaFailures() {
        return kafkaFailures;
    }

    /** When the feed is due; may be null before the first schedule. */
    public synchronized Instant nextPollAt() {
        return nextPollAt;
    }

    /** True after 410 Gone. */
    public synchronized boolean disabled() {
        return disabled;
    }

    /** True while the last publish attempt failed because of Kafka. */
    public synchronized boolean kafkaUnavailable() {
        return kafkaUnavailable;
    }

    /** Articles published by this process. */
    public synchronized long articlesPublished() {
        return articlesPublished;
    }
}
