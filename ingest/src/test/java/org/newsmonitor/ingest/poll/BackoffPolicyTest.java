package org.newsmonitor.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.state.SeenIds;

class BackoffPolicyTest {

    @Test
    void shouldDoubleWithJitterUpToTheCap() {
        BackoffPolicy policy = BackoffPolicy.defaults();
        SplittableRandom random = new SplittableRandom(42);
        for (int failures = 1; failures <= 12; failures++) {
            Duration full = Duration.ofMinutes(Math.min(360, 1L << (failures - 1)));
            Duration d = policy.afterFailure(failures, null, random);
            assertThat(d).isBetween(full.dividedBy(2), full);
        }
    }

    @Test
    void shouldHonourALongerRetryAfterButNotAShorterOne() {
        BackoffPolicy policy = new BackoffPolicy(Duration.ofMinutes(1), Duration.ofHours(6), 0.0, 3, Duration.ofSeconds(5));
        assertThat(policy.afterFailure(1, Duration.ofHours(24), new SplittableRandom(1))).isEqualTo(Duration.ofHours(24));
        assertThat(policy.afterFailure(1, Duration.ofSeconds(5), new SplittableRandom(1))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldRetryKafkaSoonAndCapAtAMinute() {
        BackoffPolicy policy = BackoffPolicy.defaults();
        assertThat(policy.afterKafkaFailure(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.afterKafkaFailure(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.afterKafkaFailure(20)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldKeepEveryIdOfTheLatestDocumentWhateverTheBound() {
        assertThat(SeenIds.merge(java.util.List.of("a", "b", "c"), java.util.List.of("c", "d"), 3))
                .containsExactly("b", "c", "d");
        assertThat(SeenIds.merge(java.util.List.of("a"), java.util.List.of("x", "y", "z", "w"), 2))
                .containsExactly("x", "y", "z", "w");
    }
}
