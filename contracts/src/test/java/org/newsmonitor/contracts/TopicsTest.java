package org.newsmonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void shouldKeepArticlesAndMatchesForeverSoThatReplayedHistoryIsNotDeletedByItsOldTimestamps() {
        assertThat(Topics.ARTICLES.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
        assertThat(Topics.THEME_MATCHES.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }

    @Test
    void shouldTimestampEveryTimeRetainedTopicWhenTheBrokerAppendsSoThatRetentionRunsFromTheWriteIssue21() {
        assertThat(Topics.ALL.stream().filter(t -> !t.compacted() && t.retention() > 0).map(TopicSpec::name))
                .containsExactlyInAnyOrder("news-alerts", "news-theme-surges", "news-deliveries", "news-dead-letters",
                        "news-query-matches");
        Topics.ALL.forEach(t -> {
            if (!t.compacted() && t.retention() > 0) {
                assertThat(t.configs()).as(t.name()).containsEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                        "LogAppendTime");
            } else {
                assertThat(t.configs()).as(t.name()).doesNotContainKey(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
            }
        });
    }

    @Test
    void shouldCompactTheStateTopicsAndNothingElse() {
        assertThat(Topics.ALL.stream().filter(TopicSpec::compacted).map(TopicSpec::name))
                .containsExactlyInAnyOrder("news-themes", "news-subscriptions", "news-theme-stats", "news-feed-state");
        assertThat(Topics.SUBSCRIPTIONS.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
    }

    @Test
    void shouldFindEveryTopicByName() {
        Topics.ALL.forEach(t -> assertThat(Topics.byName(t.name())).isSameAs(t));
        assertThat(Topics.byName("news-unknown")).isNull();
    }
}
