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
