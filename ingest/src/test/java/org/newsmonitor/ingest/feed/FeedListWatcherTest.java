package org.newsmonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListWatcherTest {
    private static final String HOURLY = "- {id: wire, url: \"https://wire.example/rss\", interval: PT1H}\n";
    private static final String FIVE_MINUTES = "- {id: wire, url: \"https://wire.example/rss\", interval: PT5M}\n";

    @TempDir
    Path dir;

    @Test
    void shouldReturnTheEditedListOnceAndNothingWhileTheTextIsUnchanged() throws IOException {
        Path list = Files.writeString(dir.resolve("feeds.yaml"), HOURLY);
        FeedListWatcher watcher = new FeedListWatcher(list, HOURLY);
        assertThat(watcher.changed()).isEmpty();
        Files.writeString(list, FIVE_MINUTES);
        assertThat(watcher.changed()).hasValueSatisfying(
                feeds -> assertThat(feeds).singleElement().extracting(FeedDefinition::interval)
                        .isEqualTo(Duration.ofMinutes(5)));
        assertThat(watcher.changed()).isEmpty();
    }

    @Test
    void shouldReportAnInvalidEditOnceNamingTheFileAndTakeTheFixedOne() throws IOException {
        Path list = Files.writeString(dir.resolve("feeds.yaml"), HOURLY);
        FeedListWatcher watcher = new FeedListWatcher(list, HOURLY);
        Files.writeString(list, "- {id: wire, url: \"ftp://wire.example/rss\"}\n");
        assertThatThrownBy(watcher::changed).isInstanceOf(FeedListException.class).hasMessageContaining(list.toString());
        assertThat(watcher.changed()).isEmpty();
        Files.writeString(list, FIVE_MINUTES);
        assertThat(watcher.changed()).isPresent();
    }
}
