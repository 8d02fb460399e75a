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
    void shouldReadFixedAndAdaptivePollingKeys() throws Exception {
        Path yaml = Files.writeString(dir.resolve("polling.yaml"), """
                - {id: fixed, url: "https://a.example/rss", interval: 20m}
                - {id: defaults, url: "https://b.example/rss"}
                - {id: bounded, url: "https://c.example/rss", minInterval: 5m, maxInterval: 1h}
                - {id: ceiling, url: "https://d.example/rss", maxInterval: PT15M, interval: 2h}
                """);
        List<FeedDefinition> feeds = FeedListReader.read(yaml);
        // interval alone: fixed, as before
        assertThat(feeds.get(0).adaptive()).isFalse();
        assertThat(feeds.get(0).interval()).isEqualTo(Duration.ofMinutes(20));
        // nothing: adaptive between the default floor and ceiling, starting at the default interval
        assertThat(feeds.get(1).adaptive()).isTrue();
        assertThat(feeds.get(1).minInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(feeds.get(1).maxInterval()).isEqualTo(Duration.ofHours(3));
        assertThat(feeds.get(1).interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(feeds.get(2).minInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(feeds.get(2).maxInterval()).isEqualTo(Duration.ofHours(1));
        // a starting interval outside the bounds is held within them
        assertThat(feeds.get(3).interval()).isEqualTo(Duration.ofMinutes(15));
        Path opml = Files.writeString(dir.resolve("polling.opml"), """
                <opml version="2.0" xmlns:nm="urn:newsmonitor:opml"><body>
                  <outline text="a" xmlUrl="https://a.example/rss" nm:minInterval="10m"/>
                </body></opml>
                """);
        FeedDefinition a = FeedListReader.read(opml).get(0);
        assertThat(a.minInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(a.maxInterval()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void shouldReadTheFullTextSwitchAndContentSelector() throws Exception {
        Path yaml = Files.writeString(dir.resolve("fulltext.yaml"), """
                - {id: teasers, url: "https://a.example/rss", contentSelector: "div.story-body > p"}
                - {id: quiet, url: "https://b.example/rss", fullText: off}
                - {id: always, url: "https://c.example/rss", fullText: Always}
                - {id: plain, url: "https://d.example/rss"}
                """);
        List<FeedDefinition> feeds = FeedListReader.read(yaml);
        assertThat(feeds).extracting(FeedDefinition::fullText).containsExactly(
                new FullTextOption(FullTextOption.Mode.AUTO, "div.story-body > p"),
                new FullTextOption(FullTextOption.Mode.OFF, null),
                new FullTextOption(FullTextOption.Mode.ALWAYS, null),
                FullTextOption.AUTO);
        Path opml = Files.writeString(dir.resolve("fulltext.opml"), """
                <opml version="2.0" xmlns:nm="urn:newsmonitor:opml"><body>
                  <outline text="a" xmlUrl="https://a.example/rss" nm:fullText="off" nm:contentSelector="article .text"/>
                </body></opml>
                """);
        assertThat(FeedListReader.read(opml).get(0).fullText())
                .isEqualTo(new FullTextOption(FullTextOption.Mode.OFF, "article .text"));
    }

    @Test
    void shouldRefuseABadFullTextSwitchOrSelectorNamingTheFeed() throws Exception {
        Path mode = Files.writeString(dir.resolve("mode.yaml"), "- {url: \"https://a.example/rss\", fullText: maybe}\n");
        assertThatThrownBy(() -> FeedListReader.read(mode)).isInstanceOf(FeedListException.class)
                .hasMessageContaining("mode.yaml at feeds[0]")
                .hasMessageContaining("fullText must be auto, off or always, was 'maybe'");
        Path opml = Files.writeString(dir.resolve("selector.opml"), """
                <opml version="2.0"><body>
                  <outline text="ok" xmlUrl="https://ok.example/rss"/>
                  <outline text="bad" xmlUrl="https://bad.example/rss" contentSelector="div[unclosed"/>
                </body></opml>
                """);
        assertThatThrownBy(() -> FeedListReader.read(opml)).isInstanceOf(FeedListException.class)
                .hasMessageContaining("selector.opml at line 3")
                .hasMessageContaining("contentSelector 'div[unclosed' is not a CSS selector");
    }

    @Test
    void shouldRefuseAFloorAboveTheCeilingNamingTheFeed() throws Exception {
        Path yaml = Files.writeString(dir.resolve("inverted.yaml"),
                "- {id: inverted, url: \"https://a.example/rss\", minInterval: 2h, maxInterval: 1h}\n");
        assertThatThrownBy(() -> FeedListReader.read(yaml)).isInstanceOf(FeedListException.class)
                .hasMessageContaining("feeds[0]").hasMessageContaining("feed inverted: maxInterval (PT1H) is shorter "
                        + "than minInterval (PT2H)");
        Path bad = Files.writeString(dir.resolve("badfloor.yaml"),
                "- {url: \"https://a.example/rss\", minInterval: often}\n");
        assertThatThrownBy(() -> FeedListReader.read(bad)).hasMessageContaining("minInterval: interval 'often'");
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
