package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.event.AlertEvent;

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

    @Test
    void shouldPrintOneCleanLinePerAlertOnce() {
        //Given
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ConsoleAlerts console = new ConsoleAlerts(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        AlertEvent a = Fixtures.alert("c1", "default", "power-of-siberia", "Gas\u001b[31m deal\r\nsigned | \u202eevil");
        //When
        console.print(a);
        console.print(a);
        //Then
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out.lines()).containsExactly(
                "ALERT power-of-siberia | Gas [31m deal signed / evil | Example Wire | https://news.example.org/c1");
    }
}
