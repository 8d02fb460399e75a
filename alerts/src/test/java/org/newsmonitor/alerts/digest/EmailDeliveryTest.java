package org.newsmonitor.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.Fixtures.emailSubscription;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.delivery.DeliveryJob;
import org.newsmonitor.alerts.delivery.EndpointQueues;
import org.newsmonitor.alerts.delivery.RetrySchedule;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.SubscriptionEvent;

class EmailDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private GreenMail smtp;
    private RecordingRecorder recorder;
    private EndpointQueues queues;
    private final AtomicInteger done = new AtomicInteger();

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        recorder = new RecordingRecorder();
        queues = new EndpointQueues(new RetrySchedule(Duration.ofMillis(50), 2, Duration.ofMillis(200),
                Duration.ofSeconds(2), 0.2), recorder, Clock.systemUTC(), new Random(3));
    }

    @AfterEach
    void stop() {
        queues.close();
        smtp.stop();
    }

    private EmailChannel channel(int port) {
        return new EmailChannel(new SmtpMailer(new SmtpSettings("127.0.0.1", port, null, null, false,
                "monitor@example.org", Duration.ofSeconds(3))));
    }

    private static AlertEvent alertAt(String id, String title, Instant createdAt) {
        AlertEvent a = Fixtures.alert(id, "sub-mail", "power-of-siberia", title);
        return new AlertEvent(1, a.alertId(), a.subscriptionId(), a.kind(), a.themeId(), "Power of Siberia",
                a.storyId(), a.articleId(), a.title(), a.url(), a.source(), a.publishedAt(), a.score(), a.terms(),
                a.snippet(), createdAt);
    }

    @Test
    void shouldSendOneMailPerAlertInImmediateMode() throws Exception {
        //Given
        SubscriptionEvent s = emailSubscription("sub-mail", "desk@example.org", DeliveryMode.IMMEDIATE);
        EmailChannel channel = channel(smtp.getSmtp().getPort());
        //When
        for (String id : List.of("m1", "m2")) {
            queues.submit(new DeliveryJob(channel, s, List.of(alertAt(id, "Gas deal\r\nBcc: evil@example.org " + id,
                    Fixtures.T0)), 0, Instant.now().plusSeconds(60), done::incrementAndGet), Duration.ZERO);
        }
        //Then
        Await.until("two mails", WAIT, () -> done.get() == 2);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getSubject()).startsWith("[news monitor] Power of Siberia: Gas deal").doesNotContain("\n");
        assertThat(mails[0].getAllRecipients()).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("desk@example.org");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("https://news.example.org/m");
        assertThat(recorder.statuses("m1")).containsExactly(DeliveryStatus.DELIVERED);
    }

    @Test
    void shouldGatherAnHourOfAlertsIntoOneDigestMail() throws Exception {
        //Given
        SubscriptionEvent s = emailSubscription("sub-mail", "desk@example.org", DeliveryMode.HOURLY_DIGEST);
        DigestBuffer buffer = new DigestBuffer();
        Instant hour = Instant.parse("2026-03-02T08:00:00Z");
        buffer.add(s, alertAt("d1", "First story", hour.plusSeconds(60)), done::incrementAndGet);
        buffer.add(s, alertAt("d2", "Second story", hour.plusSeconds(1200)), done::incrementAndGet);
        buffer.add(s, alertAt("d3", "Third story", hour.plusSeconds(3500)), done::incrementAndGet);
        buffer.add(s, alertAt("d2", "Second story", hour.plusSeconds(1200)), done::incrementAndGet);
        //When
        List<DigestBuffer.Digest> early = buffer.takeDue(hour.plusSeconds(3599));
        List<DigestBuffer.Digest> due = buffer.takeDue(hour.plusSeconds(3600));
        for (DigestBuffer.Digest d : due) {
            queues.submit(new DeliveryJob(channel(smtp.getSmtp().getPort()), d.subscription(), d.alerts(), 0,
                    Instant.now().plusSeconds(60), d.done()), Duration.ZERO);
        }
        //Then
        assertThat(early).isEmpty();
        assertThat(due).hasSize(1);
        Await.until("digest sent", WAIT, () -> done.get() == 4);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("[news monitor] hourly digest: 3 alerts");
        String body = GreenMailUtil.getBody(mails[0]);
        assertThat(body).contains("First story").contains("Second story").contains("Third story");
        assertThat(recorder.statuses("d3")).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void shouldRetryThenDeadLetterWhenTheSmtpServerIsUnreachable() throws Exception {
        //Given: a port with nothing listening
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SubscriptionEvent s = emailSubscription("sub-mail", "desk@example.org", DeliveryMode.IMMEDIATE);
        //When
        queues.submit(new DeliveryJob(channel(closedPort), s, List.of(alertAt("u1", "t", Fixtures.T0)), 0,
                Instant.now().plusSeconds(2), done::incrementAndGet), Duration.ZERO);
        //Then
        Await.until("dead letter", WAIT, () -> done.get() == 1);
        assertThat(recorder.statuses("u1")).contains(DeliveryStatus.RETRYING).endsWith(DeliveryStatus.DEAD_LETTERED);
        assertThat(recorder.deadLetters.get(0).reason()).contains("127.0.0.1:" + closedPort);
        assertThat(recorder.deadLetters.get(0).stage()).isEqualTo("alerts.email");
    }

    @Test
    void shouldEndDailyDigestsAtMidnightUtc() {
        assertThat(DigestBuffer.periodEnd(DeliveryMode.DAILY_DIGEST, Instant.parse("2026-03-02T23:59:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(DigestBuffer.periodEnd(DeliveryMode.HOURLY_DIGEST, Instant.parse("2026-03-02T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    }
}
