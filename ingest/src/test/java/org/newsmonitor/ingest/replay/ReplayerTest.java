package org.newsmonitor.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.ingest.Fixtures;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.state.PublishedIdIndex;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.newsmonitor.ingest.testing.FeedServer;
import org.newsmonitor.ingest.testing.InMemoryKafka;
import org.newsmonitor.outbound.AddressAllowList;

class ReplayerTest {
    private static final IngestConfig CONFIG = IngestConfig.defaults(ClientSettings.of("unused:9092"));

    @TempDir
    Path dir;

    private final InMemoryKafka kafka = new InMemoryKafka();
    private boolean articlesDeletedByRetention;

    @Test
    void shouldReplayTheSampleArchiveInPublicationOrder() {
        // Given the bundled archive copied out of the jar
        List<Path> files = SampleArchive.extract(dir.resolve("samples"));
        // When
        ReplaySummary summary = replayer().replay(List.of(dir.resolve("samples")), ReplayOptions.defaults());
        // Then
        assertThat(files).hasSize(6);
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.files()).isEqualTo(6);
        assertThat(summary.itemsRead()).isEqualTo(53);
        assertThat(summary.published()).isEqualTo(53);
        List<ArticleEvent> articles = kafka.articles();
        assertThat(articles).isSortedAccordingTo(Comparator.comparing(ArticleEvent::publishedAt));
        assertThat(articles).extracting(ArticleEvent::publishedAt)
                .allSatisfy(t -> assertThat(t).isBetween(Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.parse("2026-12-31T00:00:00Z")));
        Map<String, Long> byLanguage = articles.stream()
                .collect(Collectors.groupingBy(a -> String.valueOf(a.language()), Collectors.counting()));
        assertThat(byLanguage.get("ru")).isEqualTo(7);
        assertThat(byLanguage.get("zh")).isEqualTo(6);
        assertThat(articles).extracting(ArticleEvent::title)
                .contains("«Газпром» и CNPC обсудили условия поставок по «Силе Сибири 2»", "中俄东线天然气管道年输气量创新高");
        // the Russian feed dates are in MSK
        assertThat(articles).filteredOn(a -> a.title().startsWith("«Газпром»")).singleElement()
                .extracting(ArticleEvent::publishedAt).isEqualTo(Instant.parse("2026-09-04T07:00:00Z"));
    }

    @Test
    void shouldCarryTheSyndicatedStoryTwiceUnderDifferentIds() {
        SampleArchive.extract(dir);
        replayer().replay(List.of(dir), ReplayOptions.defaults());
        List<ArticleEvent> grain = kafka.articles().stream().filter(a -> a.title().contains("grain corridor")).toList();
        assertThat(grain).hasSize(2);
        assertThat(grain.get(0).summary()).isEqualTo(grain.get(1).summary());
        assertThat(grain.get(0).title()).isNotEqualTo(grain.get(1).title());
        assertThat(grain.get(0).id()).isNotEqualTo(grain.get(1).id());
    }

    @Test
    void shouldCoverEveryThemeOfTheCatalogAndSomeUnrelatedNews() {
        SampleArchive.extract(dir);
        replayer().replay(List.of(dir), ReplayOptions.defaults());
        String all = kafka.articles().stream().map(ArticleEvent::text).collect(Collectors.joining("\n"));
        assertThat(all).contains("Power of Siberia", "Сила Сибири", "西伯利亚力量", "Eurasian Economic Union",
                "Belt and Road", "S-400", "AL-31F", "ESPO", "secondary sanctions", "dual-use", "Joint Sea",
                "joint patrol", "yuan", "Shanghai Cooperation Organisation", "Northern Sea Route",
                "Bolshoy Ussuriysky", "General Assembly", "BRICS", "Lunar Research Station", "人工智能",
                "Chinese car", "VPN", "Great Firewall");
        assertThat(kafka.articles()).filteredOn(a -> a.title().contains("Six Nations")
                || a.title().contains("coffee") || a.title().contains("аномальная жара")).hasSize(3);
    }

    @Test
    void shouldPublishNothingWhenTheSameArchiveIsReplayedAgain() {
        // Given one replay done
        SampleArchive.extract(dir);
        replayer().replay(List.of(dir), ReplayOptions.defaults());
        // When replayed again against what the topic now holds
        ReplaySummary again = replayer().replay(List.of(dir), ReplayOptions.defaults());
        // Then
        assertThat(again.published()).isZero();
        assertThat(again.duplicatesSkipped()).isEqualTo(53);
        assertThat(kafka.articles()).hasSize(53);
    }

    @Test
    void shouldRememberReplayedIdsWhenRetentionHasDeletedTheOldArticles() {
        // Given a replay, after which the articles topic's time retention removed the (old) articles
        SampleArchive.extract(dir);
        replayer().replay(List.of(dir), ReplayOptions.defaults());
        articlesDeletedByRetention = true;
        // When replayed again
        ReplaySummary again = replayer().replay(List.of(dir), ReplayOptions.defaults());
        // Then the ids remembered on the compacted feed-state topic still prevent republishing
        assertThat(again.published()).isZero();
        assertThat(again.duplicatesSkipped()).isEqualTo(53);
        assertThat(kafka.state("replay:eurasia-wire-example")).isNotNull()
                .satisfies(s -> assertThat(s.seenIds()).hasSize(15));
    }

    @Test
    void shouldApplySinceAndUntilAndSayHowManyWereOutside() {
        SampleArchive.extract(dir);
        ReplayOptions window = ReplayOptions.defaults().withSince(Instant.parse("2026-01-01T00:00:00Z"))
                .withUntil(Instant.parse("2026-07-01T00:00:00Z"));
        ReplaySummary summary = replayer().replay(List.of(dir), window);
        assertThat(summary.published()).isPositive();
        assertThat(summary.published() + summary.outsideWindow()).isEqualTo(53);
        assertThat(kafka.articles()).allSatisfy(a -> assertThat(window.accepts(a.publishedAt())).isTrue());
    }

    @Test
    void shouldReadGzippedSnapshotsJsonLinesAndWarcFiles() throws Exception {
        // Given a gzipped feed snapshot, a JSON Lines dump with one bad line, and a WARC with a feed and a page
        Files.write(dir.resolve("energy-2025-05-14.xml.gz"), gzip(Fixtures.bytes("atom10_xmlbase.xml")));
        ArticleEvent dumped = ArticleEvent.of("a-0123456789abcdef0123456789abcdef", "dump-feed", "Dump", "https://dump.example/1",
                "Dumped article", "From a topic dump", null, "en", Instant.parse("2025-03-01T10:00:00Z"),
                Instant.parse("2025-03-01T10:05:00Z"), List.of("x"));
        Files.writeString(dir.resolve("dump.jsonl"), Json.mapper().writeValueAsString(dumped) + "\n\n"
                + "{\"schemaVersion\":1,\"id\":\"a-broken\",\"feedId\":\"f\",\"publishedAt\":\"yesterday\"}\n"
                + "{not json\n");
        writeWarc(dir.resolve("pages.warc.gz"));
        // When
        ReplaySummary summary = replayer().replay(List.of(dir), ReplayOptions.defaults());
        // Then
        assertThat(summary.files()).isEqualTo(3);
        assertThat(kafka.articles()).extracting(ArticleEvent::title).contains("Gas price talks resume",
                "Entry with its own base", "Dumped article", "Relative link item", "Border trade zone plan approved");
        ArticleEvent page = kafka.articles().stream().filter(a -> a.title().equals("Border trade zone plan approved"))
                .findFirst().orElseThrow();
        assertThat(page.url()).isEqualTo("https://archived.example/news/border-zone");
        assertThat(page.content()).contains("Officials approved the plan").doesNotContain("Menu").doesNotContain("tracker");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-07-01T08:00:00Z"));
        assertThat(page.source()).isEqualTo("Archived News");
        assertThat(kafka.articles()).filteredOn(a -> a.id().equals(dumped.id())).singleElement()
                .isEqualTo(dumped.withLanguage("en", ArticleEvent.LANGUAGE_DECLARED));
        assertThat(summary.failures()).extracting(ReplayFailure::path)
                .containsExactly(dir.resolve("dump.jsonl") + ":3", dir.resolve("dump.jsonl") + ":4");
        assertThat(summary.failures().get(0).reason()).startsWith("invalid article: field 'publishedAt': ");
        assertThat(summary.failures().get(1).reason()).startsWith("malformed JSON at column 2: ");
    }

    @Test
    void shouldReportBadFilesWithTheirPathAndCarryOn() throws Exception {
        Files.write(dir.resolve("good.xml"), Fixtures.bytes("rss10_rdf.xml"));
        Files.write(dir.resolve("broken.xml"), Fixtures.bytes("truncated.xml"));
        Files.write(dir.resolve("hostile.rss"), Fixtures.bytes("billion_laughs.xml"));
        Path unknown = Files.writeString(dir.resolve("notes.bin"), "just some notes");
        ReplaySummary summary = replayer().replay(List.of(dir, unknown, dir.resolve("missing")), ReplayOptions.defaults());
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.failures()).extracting(ReplayFailure::toString).containsExactlyInAnyOrder(
                dir.resolve("missing") + ": no such file or directory",
                unknown + ": unknown archive format (expected feed XML, JSON Lines or WARC)",
                summary.failures().stream().filter(f -> f.path().endsWith("broken.xml")).findFirst().orElseThrow().toString(),
                summary.failures().stream().filter(f -> f.path().endsWith("hostile.rss")).findFirst().orElseThrow().toString());
        assertThat(summary.failures()).filteredOn(f -> f.path().endsWith("broken.xml")).singleElement()
                .extracting(ReplayFailure::reason).asString().startsWith("malformed XML").contains("line 4");
        assertThat(summary.failures()).filteredOn(f -> f.path().endsWith("hostile.rss")).singleElement()
                .extracting(ReplayFailure::reason).asString().startsWith("DOCTYPE not allowed");
        assertThat(summary.render()).contains("finished with failures").contains("published:           2")
                .contains("broken.xml: malformed XML");
    }

    @Test
    void shouldPublishEveryOtherLineAndDeadLetterTheOneTooDeeplyNestedToParse() throws Exception {
        // Given a JSON Lines archive whose third line nests deeper than the JSON parser allows (issue 19, point 6)
        String deep = "{\"id\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        String huge = "{\"id\":\"a-huge\",\"score\":" + "9".repeat(5_000) + "}";
        Path dump = dir.resolve("dump.jsonl");
        Files.writeString(dump, shortLine("s1", "Power of Siberia talks") + shortLine("s2", "Arms fair in Zhuhai")
                + deep + "\n" + shortLine("s3", "Border trade at Heihe") + huge + "\n"
                + shortLine("s4", "Arctic shipping season"));
        // When
        ReplaySummary summary = replayer().replay(List.of(dump), ReplayOptions.defaults());
        // Then every other line is published, the bad ones reported with file and line and dead-lettered whole
        assertThat(kafka.articles()).extracting(ArticleEvent::id).containsExactlyInAnyOrder("s1", "s2", "s3", "s4");
        assertThat(summary.failures()).extracting(ReplayFailure::path).containsExactly(dump + ":3", dump + ":5");
        assertThat(summary.failures().get(0).reason()).startsWith("malformed JSON: ").contains("nesting depth");
        assertThat(kafka.deadLetters()).hasSize(2).first().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Replayer.STAGE);
            assertThat(d.key()).isEqualTo(dump + ":3");
            assertThat(d.payload()).isEqualTo(deep);
            assertThat(d.reason()).contains("nesting depth");
        });
        assertThat(summary.itemsRead()).isEqualTo(6);
        assertThat(summary.unreadable()).isEqualTo(2);
    }

    @Test
    void shouldRemoveScriptLinksAndBidiOverridesFromJsonLinesArticles() throws Exception {
        // Given an article dump with a javascript: link and a right-to-left override in the title (issue 19.6)
        Path dump = dir.resolve("dump.jsonl");
        Files.writeString(dump, "{\"id\":\"a-x\",\"title\":\"Gas deal \\u202Egnol\\u202C signed\","
                + "\"summary\":\"s\",\"url\":\"javascript:alert(document.cookie)\"}\n"
                + "{\"id\":\"a-y\",\"title\":\"t\",\"summary\":\"s\",\"url\":\"data:text/html,<b>x</b>\"}\n");
        // When
        replayer().replay(List.of(dump), ReplayOptions.defaults());
        // Then
        assertThat(kafka.articles()).extracting(ArticleEvent::url).containsOnlyNulls();
        assertThat(kafka.articles()).extracting(ArticleEvent::title).contains("Gas deal gnol signed");
    }

    @Test
    void shouldAcceptTheShortFormThatMatchAcceptsAndMakeTheCountsAddUp() throws Exception {
        // Given seven lines: short-form articles (one repeated), a full article, one that is not an article at all
        // (issue 21, point 3)
        ArticleEvent full = ArticleEvent.of("a-full", "dump-feed", "Dump", "https://dump.example/1", "Full article",
                "From a topic dump", null, "en", Instant.parse("2025-03-01T10:00:00Z"), null, List.of());
        Path dump = dir.resolve("theme-tests.jsonl");
        Files.writeString(dump, shortLine("s1", "Power of Siberia talks resume") + shortLine("s2", "Su-35 deliveries")
                + shortLine("s1", "Power of Siberia talks resume") + Json.mapper().writeValueAsString(full) + "\n"
                + "[1, 2]\n" + shortLine("s3", "Газпром и CNPC обсудили поставки") + shortLine("s4", "中俄东线天然气管道"));
        Files.setLastModifiedTime(dump, java.nio.file.attribute.FileTime.from(Instant.parse("2025-04-01T00:00:00Z")));
        // When
        ReplaySummary summary = replayer().replay(List.of(dump), ReplayOptions.defaults());
        // Then
        assertThat(kafka.articles()).extracting(ArticleEvent::id).containsExactlyInAnyOrder("a-full", "s1", "s2", "s3",
                "s4");
        ArticleEvent s1 = kafka.articles().stream().filter(a -> a.id().equals("s1")).findFirst().orElseThrow();
        assertThat(s1.feedId()).isEqualTo("archive-theme-tests");
        assertThat(s1.publishedAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(s1.schemaVersion()).isEqualTo(ArticleEvent.CURRENT_VERSION);
        assertThat(kafka.articles()).filteredOn(a -> a.id().equals("s3")).singleElement()
                .extracting(ArticleEvent::language).isEqualTo("ru");
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(dump + ":5");
            assertThat(f.reason()).isEqualTo("invalid article: expected a JSON object (an article), found array");
        });
        assertThat(summary.itemsRead()).isEqualTo(7);
        assertThat(summary.published()).isEqualTo(5);
        assertThat(summary.duplicatesSkipped()).isEqualTo(1);
        assertThat(summary.unreadable()).isEqualTo(1);
        assertThat(summary.published() + summary.duplicatesSkipped() + summary.outsideWindow() + summary.unreadable()
                + summary.notPublished()).isEqualTo(summary.itemsRead());
        assertThat(summary.render()).contains("items read:            7", "published:           5",
                "duplicates skipped:  1", "unreadable:          1 (kept on news-dead-letters)");
    }

    @Test
    void shouldCountArticlesLeftUnpublishedWhenKafkaFailsSoTheSummaryStillAddsUp() throws Exception {
        SampleArchive.extract(dir);
        kafka.refusePublishes(true);
        ReplaySummary summary = replayer().replay(List.of(dir), ReplayOptions.defaults());
        assertThat(summary.notPublished()).isEqualTo(53);
        assertThat(summary.published() + summary.duplicatesSkipped() + summary.outsideWindow() + summary.unreadable()
                + summary.notPublished()).isEqualTo(summary.itemsRead());
    }

    private static String shortLine(String id, String title) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"summary\":\"\"}\n";
    }

    @Test
    void shouldPublishNothingAndSaySoWhenKafkaCannotBeRead() {
        SampleArchive.extract(dir);
        Replayer replayer = new Replayer(CONFIG, () -> kafka, () -> {
            throw new StateUnavailableException("Cannot read news-articles from Kafka at unused:9092: timeout", null);
        });
        ReplaySummary summary = replayer.replay(List.of(dir), ReplayOptions.defaults());
        assertThat(summary.published()).isZero();
        assertThat(summary.failures()).singleElement().extracting(ReplayFailure::path).isEqualTo("kafka");
        assertThat(kafka.articles()).isEmpty();
    }

    @Test
    void shouldPublishNothingWhenKafkaIsDownAtTheStart() {
        SampleArchive.extract(dir);
        kafka.down(true);
        ReplaySummary summary = replayer().replay(List.of(dir), ReplayOptions.defaults());
        assertThat(summary.published()).isZero();
        assertThat(summary.failures()).singleElement().extracting(ReplayFailure::reason).asString()
                .contains("broker down").endsWith("nothing was published");
    }

    @Test
    void shouldReportWhatWasLeftWhenKafkaFailsDuringTheReplay() {
        SampleArchive.extract(dir);
        kafka.refusePublishes(true);
        ReplaySummary summary = replayer().replay(List.of(dir), ReplayOptions.defaults());
        assertThat(summary.published()).isZero();
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("kafka");
            assertThat(f.reason()).contains("53 articles were not published");
        });
    }

    @Test
    void shouldPrintProgressLinesWhenNotOnATerminal() {
        SampleArchive.extract(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        replayer().replay(List.of(dir), ReplayOptions.defaults().withProgress(new PrintStream(bytes, true,
                StandardCharsets.UTF_8)).withRate(1000));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("replay: 53/53 published (100 %)");
    }

    @Test
    void shouldRefuseFeedFilesLargerThanTheConfiguredFeedSizeCapAndReadTheRest() throws Exception {
        // Given a 4 KiB feed size cap, a small feed, and a 6 KiB feed both plain and gzipped (small on disk)
        IngestConfig capped = CONFIG.withHttp(CONFIG.http().withMaxBodyBytes(4096));
        Files.write(dir.resolve("small.xml"), Fixtures.bytes("rss10_rdf.xml"));
        byte[] big = ("<rss version=\"2.0\"><channel><title>Long</title><link>https://long.example/</link>"
                + "<description>d</description><item><title>Log</title><link>https://long.example/1</link>"
                + "<description>" + "The tug passed the lock. ".repeat(240) + "</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("big.xml"), big);
        Files.write(dir.resolve("big-copy.rss.gz"), gzip(big));
        // When
        ReplaySummary summary = new Replayer(capped, () -> kafka, this::indexOfPublished)
                .replay(List.of(dir), ReplayOptions.defaults());
        // Then both big files are reported with the sizes, and the small feed is published
        assertThat(summary.failures()).extracting(ReplayFailure::toString).containsExactlyInAnyOrder(
                dir.resolve("big.xml") + ": document of " + big.length + " bytes is larger than the limit of 4096 bytes",
                dir.resolve("big-copy.rss.gz") + ": document of " + big.length
                        + " bytes is larger than the limit of 4096 bytes");
        assertThat(summary.published()).isEqualTo(2);
    }

    @Test
    void shouldReplayAnRss091SnapshotWithTheNetscapeDoctype() throws Exception {
        Files.write(dir.resolve("old.xml"), Fixtures.bytes("hostile/netscape-rss091.xml"));
        ReplaySummary summary = replayer().replay(List.of(dir), ReplayOptions.defaults());
        assertThat(summary.failures()).isEmpty();
        assertThat(kafka.articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Café barge & museum");
            assertThat(a.recovered()).isTrue();
        });
    }

    @Test
    void shouldFetchNoPageOfAnArchivedTeaserUnlessAsked() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.serve("/a/1", "text/html; charset=utf-8", pageBytes());
            Files.writeString(dir.resolve("teasers.rss"), teaserFeed(server));
            Replayer replayer = new Replayer(CONFIG.withSsrf(AddressAllowList.of(List.of(server.hostPort()))),
                    () -> kafka, this::indexOfPublished);
            replayer.replay(List.of(dir), ReplayOptions.defaults());
            assertThat(kafka.articles()).singleElement().satisfies(a -> {
                assertThat(a.textSource()).isEqualTo(ArticleEvent.TEXT_FEED);
                assertThat(a.content()).isNull();
            });
            assertThat(server.hits()).isZero();
        }
    }

    @Test
    void shouldFetchThePageOfAnArchivedTeaserWhenAsked() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.serve("/a/1", "text/html; charset=utf-8", pageBytes());
            Files.writeString(dir.resolve("teasers.rss"), teaserFeed(server));
            Replayer replayer = new Replayer(CONFIG.withSsrf(AddressAllowList.of(List.of(server.hostPort()))),
                    () -> kafka, this::indexOfPublished);
            replayer.replay(List.of(dir), ReplayOptions.defaults().withFetchPages(true));
            assertThat(kafka.articles()).singleElement().satisfies(a -> {
                assertThat(a.textSource()).isEqualTo(ArticleEvent.TEXT_PAGE);
                assertThat(a.content()).contains("Freight trains crossing the Amur river bridge");
            });
        }
    }

    private static byte[] pageBytes() throws IOException {
        try (var in = ReplayerTest.class.getResourceAsStream("/pages/en-article.html")) {
            return in.readAllBytes();
        }
    }

    private static String teaserFeed(FeedServer server) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Archive</title>"
                + "<link>https://archive.example/</link><description>d</description><item><title>Rail freight doubles"
                + "</title><link>" + server.url("/a/1") + "</link><description>Freight doubled. Read more</description>"
                + "<pubDate>Sun, 01 Jun 2025 11:00:00 GMT</pubDate></item></channel></rss>";
    }

    private Replayer replayer() {
        return new Replayer(CONFIG, () -> kafka, this::indexOfPublished);
    }

    private ReplayMemory indexOfPublished() throws StateUnavailableException {
        PublishedIdIndex index = new PublishedIdIndex();
        if (!articlesDeletedByRetention) {
            kafka.articles().forEach(a -> index.add(a.id()));
        }
        return ReplayMemory.of(index, kafka.readAll());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static void writeWarc(Path file) throws IOException {
        String page = """
                <!DOCTYPE html><html lang="en"><head><title>Border trade zone plan approved | Archived News</title>
                <meta property="og:title" content="Border trade zone plan approved">
                <meta property="og:site_name" content="Archived News">
                <meta property="article:published_time" content="2025-07-01T11:00:00+03:00">
                <link rel="canonical" href="https://archived.example/news/border-zone?utm_source=x">
                </head><body><nav>Menu Home World</nav><article><h1>Border trade zone plan approved</h1>
                <p>Officials approved the plan for a trade zone on the Amur.</p><script>tracker()</script></article>
                <footer>Copyright</footer></body></html>
                """;
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), org.netpreserve.jwarc.WarcCompression.GZIP)) {
            writer.write(new WarcResponse.Builder(URI.create("https://hbd.example/feed.xml"))
                    .date(Instant.parse("2025-06-01T00:00:00Z"))
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse("application/rss+xml"),
                            Fixtures.bytes("rss20_namespaces.xml")).build())
                    .build());
            writer.write(new WarcResponse.Builder(URI.create("https://archived.example/news/border-zone"))
                    .date(Instant.parse("2025-07-02T00:00:00Z"))
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"),
                            page.getBytes(StandardCharsets.UTF_8)).build())
                    .build());
            writer.write(new WarcResponse.Builder(URI.create("https://archived.example/missing"))
                    .date(Instant.parse("2025-07-02T00:00:00Z"))
                    .body(new HttpResponse.Builder(404, "Not Found").body(MediaType.parse("text/html"),
                            "<html><title>gone</title></html>".getBytes(StandardCharsets.UTF_8)).build())
                    .build());
        }
    }
}
