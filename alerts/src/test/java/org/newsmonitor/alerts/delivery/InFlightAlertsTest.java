package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InFlightAlertsTest {
    private static final TopicPartition P0 = new TopicPartition("news-alerts", 0);
    private static final TopicPartition P1 = new TopicPartition("news-alerts", 1);
    private final InFlightAlerts inFlight = new InFlightAlerts();

    @Test
    void shouldCommitEachPartitionUpToItsFirstAlertStillInDelivery() {
        //Given
        Runnable a0 = inFlight.read(P0, 0);
        Runnable a1 = inFlight.read(P0, 1);
        Runnable b5 = inFlight.read(P1, 5);
        //When: alerts finish out of order
        a1.run();
        b5.run();
        //Then
        assertThat(inFlight.toCommit(List.of(P0, P1)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(P0, new OffsetAndMetadata(0), P1, new OffsetAndMetadata(6)));
        assertThat(inFlight.count()).isEqualTo(1);
        a0.run();
        assertThat(inFlight.toCommit(List.of(P0))).containsExactlyEntriesOf(Map.of(P0, new OffsetAndMetadata(2)));
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void shouldNotCommitAgainAnOffsetAlreadyCommitted() {
        inFlight.read(P0, 0).run();
        Map<TopicPartition, OffsetAndMetadata> first = inFlight.toCommit(inFlight.partitions());
        inFlight.committed(first);
        assertThat(first).containsExactlyEntriesOf(Map.of(P0, new OffsetAndMetadata(1)));
        assertThat(inFlight.toCommit(inFlight.partitions())).isEmpty();
    }

    @Test
    void shouldForgetTheOpenAlertsOfARevokedPartition() {
        //Given
        inFlight.read(P0, 0);
        inFlight.read(P0, 1);
        Runnable other = inFlight.read(P1, 0);
        //When
        inFlight.forget(List.of(P0));
        //Then: only P1's alert is still counted; acknowledging it works as before
        assertThat(inFlight.count()).isEqualTo(1);
        assertThat(inFlight.partitions()).containsExactly(P1);
        other.run();
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void shouldTakeAcknowledgementsFromAnyThread() throws Exception {
        Runnable a0 = inFlight.read(P0, 0);
        Thread worker = new Thread(a0);
        worker.start();
        worker.join(10_000);
        assertThat(inFlight.toCommit(List.of(P0))).containsExactlyEntriesOf(Map.of(P0, new OffsetAndMetadata(1)));
    }
}
