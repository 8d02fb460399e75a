package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {
    @Test
    void shouldCommitOnlyUpToTheFirstAlertStillInDelivery() {
        //Given
        PartitionProgress p = new PartitionProgress();
        assertThat(p.committable()).isEmpty();
        p.started(10);
        p.started(11);
        p.started(12);
        //When
        p.finished(11);
        p.finished(12);
        //Then: 10 is still retrying, so nothing past it may be committed
        assertThat(p.committable()).hasValue(10);
        p.finished(10);
        assertThat(p.committable()).hasValue(13);
        assertThat(p.inFlight()).isZero();
    }
}
