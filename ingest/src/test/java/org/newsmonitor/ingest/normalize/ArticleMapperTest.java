package org.newsmonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.ingest.Fixtures;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.themes.TextLimits;

class ArticleMapperTest {
    private static final Instant FIRST_SEEN = Instant.parse("2025-06-01T12:00:00Z");
    private static final FeedContext CONTEXT = new FeedContext("test-feed", "Test Source", null, List.of("cfg"),
            ZoneId.of("UTC"));

    @Test
    void shouldMatchTheDateCorpusExpectations() throws Exception {
        // Given the dates fixture and its expectations
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("dates.xml"), null, null);
        Map<String, String> expected = expectations();
        // When
        List<MappedArticle> articles = ArticleMapper.map(feed, CONTEXT, FIRST_SEEN);
        // Then
        assertThat(articles).hasSize(expected.size());
        for (MappedArticle a : articles) {
            String want = expected.get(a.event().title());
            Instant wanted = want.equals("first-seen") ? FIRST_SEEN : Instant.parse(want);
            assertThat(a.event().publishedAt()).as(a.event().title()).isEqualTo(wanted);
        }
        Map<String, MappedArticle> byTitle = articles.stream().collect(Collectors.toMap(a -> a.event().title(), a -> a));
        assertThat(byTitle.get("feb-31").flags()).contains(ArticleFlags.DATE_UNPARSEABLE);
        assertThat(byTitle.get("no-date").flags()).contains(ArticleFlags.DATE_MISSING);
        assertThat(byTitle.get("epoch").flags()).contains(ArticleFlags.DATE_IMPLAUSIBLE);
        assertThat(byTitle.get("future").flags()).contains(ArticleFlags.DATE_FUTURE_CLAMPED);
        assertThat(byTitle.get("iso-no-zone").flags()).contains(ArticleFlags.DATE_ZONE_ASSUMED);
    }

    @Test
    void shouldGiveTheSameIdToTheSameStoryReachedThroughTrackingLinks() throws Exception {
        // Given
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("rss20_namespaces.xml"), null,
                URI.create("https://hbd.example/feed.xml"));
        // When
        ArticleEvent first = ArticleMapper.map(feed, CONTEXT, FIRST_SEEN).get(0).event();
        // Then
        assertThat(first.url()).isEqualTo("https://hbd.example/news/heihe-bridge?id=42");
        assertThat(first.id()).isEqualTo(ArticleIds.ofUrl("https://hbd.example/news/heihe-bridge?id=42"))
                .startsWith("a-").hasSize(34);
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-04-08T01:30:00Z"));
        assertThat(first.fetchedAt()).isEqualTo(FIRST_SEEN);
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.source()).isEqualTo("Test Source");
        assertThat(first.tags()).containsExactly("cfg", "Trade", "Far East");
    }

    @Test
    void shouldMarkArticlesOfARepairedFeedAsRecoveredWithTheReasons() throws Exception {
        // Given a feed with bare ampersands and HTML entities, and a well-formed one
        ParsedFeed repaired = Fixtures.parse(("<rss version=\"2.0\"><channel><title>Quay</title>"
                + "<link>https://quay.example/</link><description>d</description><item><title>Nets&nbsp;& ropes</title>"
                + "<link>https://quay.example/?a=1&b=2</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8),
                null, null);
        ParsedFeed clean = Fixtures.parse(Fixtures.bytes("rss10_rdf.xml"), null, null);
        // When
        MappedArticle fromRepaired = ArticleMapper.map(repaired, CONTEXT, FIRST_SEEN).get(0);
        MappedArticle fromClean = ArticleMapper.map(clean, CONTEXT, FIRST_SEEN).get(0);
        // Then
        assertThat(fromRepaired.event().recovered()).isTrue();
        assertThat(fromRepaired.event().title()).isEqualTo("Nets & ropes");
        assertThat(fromRepaired.flags()).contains(ArticleFlags.RECOVERED, "recovered:bare-ampersand",
                "recovered:html-entities");
        assertThat(fromClean.event().recovered()).isNull();
        assertThat(fromClean.flags()).noneMatch(f -> f.startsWith(ArticleFlags.RECOVERED));
    }

    @Test
    void shouldFallBackFromLinkToGuidToContentHashForIds() throws Exception {
        // Given items without links: one with only text, one with only a guid (repeated; the parser keeps it once)
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("no_ids.xml"), null, null);
        // When
        List<MappedArticle> twice = ArticleMapper.map(feed, CONTEXT, FIRST_SEEN);
        List<MappedArticle> again = ArticleMapper.map(feed, CONTEXT, FIRST_SEEN.plusSeconds(60));
        // Then ids are deterministic and differ between the text-only and the guid-only item
        assertThat(twice).hasSize(2).extracting(a -> a.event().id()).containsExactlyElementsOf(
                again.stream().map(a -> a.event().id()).toList());
        assertThat(twice.get(0).event().id()).isNotEqualTo(twice.get(1).event().id());
    }

    @Test
    void shouldGuessLanguageFromScriptWhenNothingSaysIt() throws Exception {
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("gb2312.xml"), null, null);
        FeedContext noLanguage = new FeedContext("zh-feed", null, null, List.of(), ZoneId.of("Asia/Shanghai"));
        ArticleEvent event = ArticleMapper.map(feed, noLanguage, FIRST_SEEN).get(0).event();
        assertThat(event.language()).isEqualTo("zh");
        assertThat(event.source()).isEqualTo("东方时报");
        // "2025-03-01 08:00:00" has no zone: read in the feed's zone
        assertThat(event.publishedAt()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    }

    @Test
    void shouldDetectEnglishAndSaySoWhenTheFeedDeclaresNoLanguage() throws Exception {
        // Given an English feed with no language element and no configured language (issue 21, point 7)
        String xml = "<rss version=\"2.0\"><channel><title>Wire</title><link>https://wire.example/</link>"
                + "<description>d</description><item><title>Gazprom and CNPC sign the Power of Siberia 2 contract"
                + "</title><link>https://wire.example/1</link><description>The deal was signed in Beijing after years"
                + " of talks on the price of the gas.</description></item></channel></rss>";
        ParsedFeed feed = FeedParser.withDefaultLimit().parse(xml.getBytes(StandardCharsets.UTF_8), null, "wire");
        // When
        ArticleEvent event = ArticleMapper.map(feed, CONTEXT, FIRST_SEEN).get(0).event();
        // Then
        assertThat(event.language()).isEqualTo("en");
        assertThat(event.languageSource()).isEqualTo(ArticleEvent.LANGUAGE_DETECTED);
    }

    @Test
    void shouldMarkTheLanguageDeclaredWhenTheFeedOrTheFeedListNamesIt() throws Exception {
        ParsedFeed feed = FeedParser.withDefaultLimit().parse(Fixtures.bytes("gb2312.xml"), null, "gb2312.xml");
        FeedContext configured = new FeedContext("zh-feed", null, "zh-CN", List.of(), ZoneId.of("Asia/Shanghai"));
        ArticleEvent event = ArticleMapper.map(feed, configured, FIRST_SEEN).get(0).event();
        assertThat(event.language()).isEqualTo("zh");
        assertThat(event.languageSource()).isEqualTo(ArticleEvent.LANGUAGE_DECLARED);
    }

    @Test
    void shouldCleanAnArticleFromAnArchiveAsAFeedItemIsCleaned() {
        // Given an article read from JSON Lines with a javascript: link and bidi overrides in its text (issue 19.6)
        ArticleEvent raw = ArticleEvent.of("a-1", "dump", "Dump\u202E", "javascript:alert(1)",
                "Gas \u202Edeal\u202C signed at the border", "Line one\u2066\n\n\n\nline two", null, null, FIRST_SEEN, FIRST_SEEN,
                List.of(" energy\u202E "));
        // When
        MappedArticle clean = ArticleMapper.normalize(raw, java.util.Set.of());
        // Then
        assertThat(clean.event().url()).isNull();
        assertThat(clean.event().title()).isEqualTo("Gas deal signed at the border");
        assertThat(clean.event().summary()).isEqualTo("Line one\n\nline two");
        assertThat(clean.event().source()).isEqualTo("Dump");
        assertThat(clean.event().tags()).containsExactly("energy");
        assertThat(clean.event().id()).isEqualTo("a-1");
        assertThat(clean.event().language()).isEqualTo("en");
        assertThat(ArticleMapper.normalize(clean.event().withLanguage("ru", ArticleEvent.LANGUAGE_DECLARED),
                java.util.Set.of()).event().languageSource()).isEqualTo(ArticleEvent.LANGUAGE_DECLARED);
    }

    @Test
    void shouldKeepAHugeItemUnderTheRecordLimit() throws Exception {
        // Given a 70,000-character title and a 2 MiB description of 3-byte characters
        String title = "标".repeat(70_000);
        String description = "长".repeat(2 * 1024 * 1024 / 3);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://big.example/</link><description>d"
                + "</description><item><title>" + title + "</title><link>https://big.example/1</link><description>"
                + description + "</description></item></channel></rss>";
        ParsedFeed feed = Fixtures.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
        // When
        MappedArticle article = ArticleMapper.map(feed, CONTEXT, FIRST_SEEN).get(0);
        byte[] json = new JsonSerde<>(ArticleEvent.class, "news-articles").serialize("news-articles", article.event());
        // Then
        assertThat(article.flags()).contains(ArticleFlags.TRUNCATED);
        assertThat(article.event().title()).hasSize(TextLimits.MAX_TITLE).endsWith(TextLimits.ELLIPSIS);
        assertThat(json.length).isLessThan(1024 * 1024);
    }

    private static Map<String, String> expectations() throws IOException {
        return Fixtures.text("dates.expected.txt").lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }
}
