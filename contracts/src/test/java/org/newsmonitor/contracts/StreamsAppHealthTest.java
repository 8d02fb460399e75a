package org.newsmonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamsAppHealthTest {
    private final StreamsAppHealth health = new StreamsAppHealth("news-monitor-alerts");

    @Test
    void shouldBeOkWhileRunningOrRebalancing() {
        health.stateChanged("REBALANCING");
        assertThat(health.check()).isEqualTo("ok");
        health.stateChanged("RUNNING");
        assertThat(health.check()).isEqualTo("ok");
        assertThat(health.failure()).isNull();
        assertThat(health.state()).isEqualTo("RUNNING");
    }

    @Test
    void shouldReportAFailureWithTheReasonWhenTheGlobalThreadDiesAndTheApplicationGoesToError() {
        health.stateChanged("RUNNING");
        health.uncaught(new IllegalStateException("global thread: cannot read news-subscriptions"));
        health.stateChanged("PENDING_ERROR");
        assertThat(health.failure()).isEqualTo("Kafka Streams application news-monitor-alerts is PENDING_ERROR after "
                + "an uncaught error: global thread: cannot read news-subscriptions");
        health.stateChanged("ERROR");
        assertThat(health.check()).isEqualTo(health.failure()).contains("is ERROR after an uncaught error");
    }

    @Test
    void shouldCountStoppingWithoutBeingClosedAsAFailureButNotAClose() {
        health.stateChanged("NOT_RUNNING");
        assertThat(health.failure()).isEqualTo("Kafka Streams application news-monitor-alerts is NOT_RUNNING");
        StreamsAppHealth closed = new StreamsAppHealth("news-monitor-stream");
        closed.closing();
        closed.stateChanged("PENDING_SHUTDOWN");
        assertThat(closed.failure()).isNull();
        assertThat(closed.check()).isEqualTo("Kafka Streams application news-monitor-stream is PENDING_SHUTDOWN (stopping)");
    }

    @Test
    void shouldSayItIsStartingBeforeTheFirstState() {
        assertThat(health.check()).isEqualTo("Kafka Streams application news-monitor-alerts is CREATED (starting)");
        assertThat(health.failure()).isNull();
    }
}
