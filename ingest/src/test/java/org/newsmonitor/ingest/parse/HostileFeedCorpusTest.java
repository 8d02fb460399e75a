package org.newsmonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsmonitor.ingest.Fixtures;

/**
 * Runs the parser over the corpus of hostile and unusual feeds in {@code feeds/hostile/}, whose expected outcomes
 * are data in {@code feeds/hostile/expectations.yaml}.
 */
class HostileFeedCorpusTest {
    private static final String CORPUS = "hostile/";
    private static final Set<String> NOT_FEEDS = Set.of("expectations.yaml", "encode-fixtures.sh", ".gitattributes");

    /** One line of expectations.yaml. */
    record Expectation(String file, String outcome, Integer items, List<String> titles, String charset,
            List<String> recoveries, String error, Long maxBytes) {

        @Override
        public String toString() {
            return file + " is " + outcome;
        }
    }

    static List<Expectation> expectations() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = HostileFeedCorpusTest.class.getResourceAsStream("/feeds/" + CORPUS + "expectations.yaml")) {
            return List.of(yaml.readValue(in, Expectation[].class));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void shouldReadOrRefuseEachFeedAsExpected(Expectation expected) throws Exception {
        // Given
        byte[] body = Fixtures.bytes(CORPUS + expected.file());
        FeedParser parser = expected.maxBytes() == null ? FeedParser.withDefaultLimit()
                : new FeedParser(expected.maxBytes());
        // When / Then
        if (expected.outcome().equals("refused")) {
            assertThatThrownBy(() -> parser.parse(body, null, expected.file()))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageStartingWith(expected.error());
            return;
        }
        assertThat(expected.outcome()).isEqualTo("read");
        ParsedFeed feed = parser.parse(body, null, expected.file());
        assertThat(feed.items()).hasSize(expected.items());
        if (expected.titles() != null) {
            assertThat(feed.items()).extracting(ParsedItem::title).containsExactlyElementsOf(expected.titles());
        }
        if (expected.charset() != null) {
            assertThat(feed.charset()).isEqualTo(expected.charset());
        }
        assertThat(feed.encodingErrors()).isFalse();
        assertThat(feed.recoveries()).containsExactlyElementsOf(expected.recoveries());
    }

    @Test
    void shouldHaveAnExpectationForEveryFileOfTheCorpus() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileFeedCorpusTest.class.getResource("/feeds/" + CORPUS + "expectations.yaml").toURI())
                .getParent();
        List<String> expected = expectations().stream().map(Expectation::file).toList();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> fixtures = files.map(p -> p.getFileName().toString()).filter(n -> !NOT_FEEDS.contains(n))
                    .toList();
            assertThat(expected).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fixtures);
        }
    }
}
