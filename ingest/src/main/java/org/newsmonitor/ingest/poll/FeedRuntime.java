package org.newsmonitor.ingest.poll;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private PublicationHistory history = PublicationHistory.EMPTY;
    private Duration pollInterval;
    private String pollReason;
    /** How often article pages were fetched for teaser items, by outcome (page, robots, timeout, ...). */
    private final Map<String, Long> fullText = new TreeMap<>();
    /** The definition the last successful poll's decision was made with; null when unknown (e.g. after a restart). */
    private FeedDefinition decidedWith;

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
     * When the feed is due, decided now from its current definition: a healthy feed when the polling policy said
     * after its last success, unless the feed list changed since (then one interval as the list says now after the
     * last success: the fixed interval, or for an adaptive feed the last chosen interval within the new floor and
     * ceiling); a failing one when its backoff ends; a feed never polled at once. Never earlier than {@code now}.
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
        } else if (definition.equals(decidedWith) && nextPollAt != null) {
            due = nextPollAt;
        } else {
            due = lastSuccessAt.plus(intervalAsListedNow());
        }
        return due == null || due.isBefore(now) ? now : due;
    }

    private Duration intervalAsListedNow() {
        if (!definition.adaptive()) {
            return definition.interval();
        }
        Duration chosen = pollInterval == null ? definition.interval() : pollInterval;
        if (chosen.compareTo(definition.minInterval()) < 0) {
            return definition.minInterval();
        }
        return chosen.compareTo(definition.maxInterval()) > 0 ? definition.maxInterval() : chosen;
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
        history = new PublicationHistory(state.recentItemTimes(), state.hourlyActivity());
        pollInterval = state.pollIntervalSeconds() == null ? null : Duration.ofSeconds(state.pollIntervalSeconds());
        pollReason = state.pollReason();
        fullText.clear();
        fullText.putAll(state.fullTextOutcomes());
    }

    /** Takes over only the committed URL, validators and seen ids, keeping this session's health. */
    public synchronized void adoptCommitted(FeedStateEvent state) {
        url = URI.create(state.url());
        validators = new Validators(state.etag(), state.lastModified());
        seenIds = List.copyOf(state.seenIds());
        history = new PublicationHistory(state.recentItemTimes(), state.hourlyActivity());
    }

    /** The state record as it would be after the given committed values, with this feed's polling decision. */
    public synchronized FeedStateEvent toEvent(URI newUrl, Validators newValidators, List<String> newSeen,
            Instant successAt, String error, Instant errorAt, int failures, Instant next, boolean isDisabled) {
        return record(newUrl, newValidators, newSeen, successAt, error, errorAt, failures, next, isDisabled,
                history, pollInterval, pollReason);
    }

    /** The state record after a successful poll: its committed values, the item history and the polling decision. */
    synchronized FeedStateEvent toEvent(URI newUrl, Validators newValidators, List<String> newSeen, Instant successAt,
            PublicationHistory newHistory, PollDecision decision) {
        return record(newUrl, newValidators, newSeen, successAt, lastError, lastErrorAt, 0, decision.at(), disabled,
                newHistory, decision.interval(), decision.reason());
    }

    private FeedStateEvent record(URI newUrl, Validators newValidators, List<String> newSeen, Instant successAt,
            String error, Instant errorAt, int failures, Instant next, boolean isDisabled, PublicationHistory past,
            Duration interval, String reason) {
        return new FeedStateEvent(FeedStateEvent.CURRENT_VERSION, definition.id(), newUrl.toString(),
                newValidators.etag(), newValidators.lastModified(), newSeen, successAt, error, errorAt, failures, next,
                isDisabled, past.itemTimes(), past.hourlyTotal() == 0 ? List.of() : past.hourly(),
                interval == null ? null : interval.toSeconds(), reason, fullText);
    }

    /** The current state as a record. */
    public synchronized FeedStateEvent toEvent() {
        return toEvent(url, validators, seenIds, lastSuccessAt, lastError, lastErrorAt, consecutiveFailures, nextPollAt,
                disabled);
    }

    synchronized void succeeded(URI newUrl, Validators newValidators, List<String> newSeen, Instant at,
            PublicationHistory newHistory, PollDecision decision, int published) {
        history = newHistory;
        pollInterval = decision.interval();
        pollReason = decision.reason();
        decidedWith = definition;
        Instant next = decision.at();
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

    synchronized void failed(String reason, Instant at, PollDecision decision, boolean gone) {
        Instant next = gone ? null : decision.at();
        pollInterval = gone ? null : decision.interval();
        pollReason = gone ? "disabled: " + reason : decision.reason();
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
        pollReason = "Kafka unavailable: retry at " + next;
    }

    /** Moves the next poll to {@code next} for {@code reason} (e.g. the host's hourly budget is spent). */
    public synchronized void deferred(Instant next, String reason) {
        nextPollAt = next;
        pollReason = reason;
    }

    /** Records when the feed is polled next, as decided by the scheduler from the feed list (shown in its health). */
    public synchronized void rescheduled(Instant next) {
        nextPollAt = next;
    }

    /** Adds one poll's article-page outcomes (by {@code PageOutcome} label) to the feed's counts. */
    public synchronized void countFullText(Map<String, Long> outcomes) {
        outcomes.forEach((outcome, n) -> fullText.merge(outcome, n, Long::sum));
    }

    /** How often article pages were fetched for teaser items, by outcome; never null. */
    public synchronized Map<String, Long> fullTextOutcomes() {
        return Map.copyOf(fullText);
    }

    /** The feed's publication history. */
    public synchronized PublicationHistory history() {
        return history;
    }

    /** The interval chosen at the last poll; null before the first. */
    public synchronized Duration pollInterval() {
        return pollInterval;
    }

    /** Why the feed is due at {@link #nextPollAt()}; null before the first poll. */
    public synchronized String pollReason() {
        return pollReason;
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
