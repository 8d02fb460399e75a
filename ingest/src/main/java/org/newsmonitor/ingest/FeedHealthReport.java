package org.newsmonitor.ingest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.poll.FeedRuntime;

/** The health of feeds, from what each feed's runtime records: no I/O, no clock. */
final class FeedHealthReport {
    private FeedHealthReport() {
    }

    /**
     * The health of the feeds being polled, in their order.
     *
     * @param stateKnown     false while their state is not restored from Kafka yet
     * @param unhealthyAfter consecutive failures that make a feed unhealthy
     * @param webSubState    the WebSub state of a feed id (null when not pushed or WebSub is off)
     */
    static List<FeedHealth> live(List<FeedRuntime> feeds, boolean stateKnown, int unhealthyAfter,
            Function<String, String> webSubState) {
        return feeds.stream().map(f -> entry(f, status(f, stateKnown, unhealthyAfter),
                webSubState.apply(f.definition().id()))).toList();
    }

    /**
     * The health of the listed feeds as committed: {@link FeedStatus#PENDING} for a feed without committed state.
     *
     * @param states committed state by feed id
     */
    static List<FeedHealth> stored(List<FeedDefinition> definitions, Map<String, FeedStateEvent> states,
            int unhealthyAfter) {
        return definitions.stream().map(d -> {
            FeedRuntime f = new FeedRuntime(d);
            FeedStateEvent state = states.get(d.id());
            if (state != null) {
                f.restore(state);
            }
            return entry(f, status(f, true, unhealthyAfter), null);
        }).toList();
    }

    private static FeedHealth entry(FeedRuntime f, FeedStatus status, String webSubState) {
        FeedDefinition d = f.definition();
        return new FeedHealth(d.id(), d.title(), f.url().toString(), d.language(), d.tags(), status,
                f.lastSuccessAt(), f.lastError(), f.lastErrorAt(), f.consecutiveFailures(), f.nextPollAt(),
                f.articlesPublished(), f.pollInterval(), f.pollReason(), webSubState,
                f.fullTextOutcomes());
    }

    static FeedStatus status(FeedRuntime f, boolean stateKnown, int unhealthyAfter) {
        if (f.disabled()) {
            return FeedStatus.DISABLED;
        }
        if (!stateKnown || f.kafkaUnavailable()) {
            return FeedStatus.KAFKA_UNAVAILABLE;
        }
        if (f.consecutiveFailures() >= unhealthyAfter) {
            return FeedStatus.UNHEALTHY;
        }
        if (f.consecutiveFailures() > 0) {
            return FeedStatus.FAILING;
        }
        return f.lastSuccessAt() == null ? FeedStatus.PENDING : FeedStatus.OK;
    }
}
