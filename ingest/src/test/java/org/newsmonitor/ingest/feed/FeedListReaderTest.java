package org.newsmonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListReaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheBundledDefaultListWithLanguagesTagsAndIntervals() {
        // When
        List<FeedDefinition> feeds = FeedListReader.bundledDefault();
        // Then
        assertThat(feeds).hasSizeGreaterThanOrEqualTo(20);
        assertThat(feeds).extracting(FeedDefinition::language).contains("en", "ru", "zh");
        assertThat(feeds).allSatisfy(f -> {
            assertThat(f.url().getScheme()).startsWith("http");
            assertThat(f.tags()).isNotEmpty();
            assertThat(f.interval()).isBetween(Duration.ofMinutes(15), Duration.ofHours(3));
        });
        FeedDefinition tass = feeds.stream().filter(f -> f.id().equals("tass-en")).findFirst().orElseThrow();
        assertThat(tass.title()).isEqualTo("TASS (English)");
        assertThat(tass.tags()).containsExactly("russia", "agency");
        assertThat(tass.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(tass.timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void shouldReadAPlainOpmlExportAndDeriveIds() throws Exception {
        // Given an OPML export of a feed reader, without our extension attributes
        Path opml = Files.writeString(dir.resolve("export.opml"), """
                <?xml version="1.0"?>
                <opml version="1.0"><head><title>My feeds</title></head><body>
                  <outline text="Energy">
                    <outline text="Energy Wire" type="rss" xmlUrl="https://www.energy.example/feeds/all.xml?lang=en"
                             category="/gas/pipelines,lng" interval="2h"/>
                  </outline>
                  <outline title="Loose feed" xmlUrl="http://loose.example/rss"/>
                </body></opml>
                """);
        // When
        List<FeedDefinition> feeds = FeedListReader.read(opml);
        // Then
        assertThat(feeds).hasSize(2);
        assertThat(feeds.get(0).id()).isEqualTo("energy-example-feeds-all-xml-lang-en");
        assertThat(feeds.get(0).tags()).containsExactly("Energy", "gas", "pipelines", "lng");
        assertThat(feeds.get(0).interval()).isEqualTo(Duration.ofHours(2));
        assertThat(feeds.get(1).id()).isEqualTo("loose-example-rss");
        assertThat(feeds.get(1).interval()).isEqualTo(FeedDefinition.DEFAULT_INTERVAL);
    }

    @Test
    void shouldReadAYamlList() throws Exception {
        Path yaml = Files.writeString(dir.resolve("feeds.yaml"), """
                feeds:
                  - id: local-test
                    url: http://127.0.0.1:8081/feed.xml
                    title: Local test feed
                    language: ru
                    tags: [test, energy]
                    interval: PT1S
                    timeZone: Europe/Moscow
                  - url: https://other.example/atom
                """);
        List<FeedDefinition> feeds = FeedListReader.read(yaml);
        assertThat(feeds).extracting(FeedDefinition::id).containsExactly("local-test", "other-example-atom");
        assertThat(feeds.get(0).interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(feeds.get(0).tags()).containsExactly("test", "energy");
    }

    @Test
    void shouldNameTheFileAndLineOfABadFeed() throws Exception {
        Path opml = Files.writeString(dir.resolve("bad.opml"), """
                <opml version="2.0"><body>
                  <outline text="ok" xmlUrl="https://ok.example/rss"/>
                  <outline text="bad" xmlUrl="ftp://files.example/feed"/>
                </body></opml>
                """);
        assertThatThrownBy(() -> FeedListReader.read(opml))
                .isInstanceOf(FeedListException.class)
                .hasMessageContaining("bad.opml at line 3")
                .hasMessageContaining("must be an absolute http(s) URL");
    }

    @Test
    void shouldRefuseDuplicateIdsAndBadIntervalsAndMalformedFiles() throws Exception {
        Path dup = Files.writeString(dir.resolve("dup.yaml"), """
                - {id: same, url: "https://a.example/rss"}
                - {id: same, url: "https://b.example/rss"}
                """);
        assertThatThrownBy(() -> FeedListReader.read(dup)).hasMessageContaining("two feeds with id 'same'");
        Path interval = Files.writeString(dir.resolve("interval.yaml"), "- {url: \"https://a.example/rss\", interval: soon}\n");
        assertThatThrownBy(() -> FeedListReader.read(interval)).hasMessageContaining("feeds[0]")
                .hasMessageContaining("interval 'soon'");
        Path broken = Files.writeString(dir.resolve("broken.opml"), "<opml><body><outline></body></opml>");
        assertThatThrownBy(() -> FeedListReader.read(broken)).hasMessageStartingWith("Malformed OPML in ")
                .hasMessageContaining("broken.opml");
        assertThatThrownBy(() -> FeedListReader.read(dir.resolve("missing.opml")))
                .hasMessageStartingWith("Cannot read feed list ");
    }
}
