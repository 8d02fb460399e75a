package org.newsmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.ClientSettings;

class AlertsConfigTest {
    private static final ClientSettings KAFKA = ClientSettings.of("localhost:9092");

    @Test
    void shouldDefaultToLoopbackPort8080WithoutDefaultSubscription() {
        //When
        AlertsConfig c = AlertsConfig.defaults(KAFKA, Path.of("data/alerts"));
        //Then
        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.defaultSubscription()).isFalse();
        assertThat(c.retry().giveUpAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(c.smtp().enabled()).isFalse();
        assertThat(c.maxSubscriptionsPerOwner()).isEqualTo(1000);
    }

    @Test
    void shouldReadTheTelegramApiFromTheEnvironmentAndDefaultToTelegrams() {
        assertThat(AlertsConfig.defaults(KAFKA, Path.of("x")).telegramApi()).isEqualTo("https://api.telegram.org");
        assertThat(AlertsConfig.fromEnv(Map.of("MONITOR_TELEGRAM_API", "http://127.0.0.1:8081"), KAFKA, Path.of("x"))
                .withHttp("127.0.0.1", 0).telegramApi()).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void shouldReadTheSubscriptionQuotaFromTheEnvironment() {
        assertThat(AlertsConfig.fromEnv(Map.of("MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER", "25"), KAFKA, Path.of("x"))
                .maxSubscriptionsPerOwner()).isEqualTo(25);
        assertThatThrownBy(() -> AlertsConfig.fromEnv(Map.of("MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER", "0"), KAFKA,
                Path.of("x"))).hasMessageContaining("MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER");
    }

    @Test
    void shouldReadTheEnvironment() {
        //When
        AlertsConfig c = AlertsConfig.fromEnv(Map.of("MONITOR_HTTP_PORT", "9090", "MONITOR_API_KEYS",
                "alice=alice-key-123, bob=bob-key-4567", "MONITOR_SSRF_ALLOW", "127.0.0.1:8089,10.0.0.0/8",
                "MONITOR_SMTP_HOST", "mail.example.org", "MONITOR_SMTP_PORT", "587", "MONITOR_SMTP_PASSWORD", "pw",
                "MONITOR_RETRY_HOURS", "6"), KAFKA, Path.of("x"));
        //Then
        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.apiKeys()).containsEntry("bob", "bob-key-4567");
        assertThat(c.ssrfAllow()).containsExactly("127.0.0.1:8089", "10.0.0.0/8");
        assertThat(c.smtp().port()).isEqualTo(587);
        assertThat(c.retry().giveUpAfter()).isEqualTo(Duration.ofHours(6));
        assertThat(c.toString()).doesNotContain("alice-key-123").doesNotContain("pw,");
    }

    @Test
    void shouldNameTheMalformedSetting() {
        assertThatThrownBy(() -> AlertsConfig.fromEnv(Map.of("MONITOR_HTTP_PORT", "eighty"), KAFKA, Path.of("x")))
                .hasMessageContaining("MONITOR_HTTP_PORT");
        assertThatThrownBy(() -> AlertsConfig.defaults(KAFKA, Path.of("x")).withApiKeys(Map.of("alice", "short")))
                .hasMessageContaining("alice");
    }
}
