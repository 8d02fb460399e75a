package org.newsmonitor.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubLinksTest {
    private static final URI FEED = URI.create("https://news.example/rss.xml");

    @Test
    void shouldReadHubAndSelfFromLinkHeadersWithQuotedAndBareRelations() {
        var links = HubLinks.of(List.of("<https://hub.example/>; rel=\"hub\", </feeds/main.xml>; rel=self",
                "<https://other-hub.example/push>; title=\"a, b\"; rel=\"preconnect hub\""), List.of(), null, FEED);
        assertThat(links.hubs()).containsExactly(URI.create("https://hub.example/"),
                URI.create("https://other-hub.example/push"));
        assertThat(links.self()).isEqualTo(URI.create("https://news.example/feeds/main.xml"));
    }

    @Test
    void shouldPreferHeadersToTheDocumentAndFallBackToTheFetchedUrlAsTopic() {
        var links = HubLinks.of(List.of("<https://header-hub.example/>; rel=hub"),
                List.of("https://doc-hub.example/", "https://header-hub.example/"), null, FEED);
        assertThat(links.hubs()).containsExactly(URI.create("https://header-hub.example/"),
                URI.create("https://doc-hub.example/"));
        assertThat(links.self()).isEqualTo(FEED);
    }

    @Test
    void shouldIgnoreLinksThatAreNotHttpOrHaveNoTarget() {
        var links = HubLinks.of(List.of("<ftp://hub.example/>; rel=hub", "rel=hub", "<javascript:x>; rel=\"hub\"",
                "<>; rel=hub"), List.of("mailto:hub@example.org"), "not a url ::", FEED);
        assertThat(links.hubs()).isEmpty();
        assertThat(links.self()).isEqualTo(FEED);
    }

    @Test
    void shouldReadTheDocumentsSelfWhenNoHeaderNamesOne() {
        var links = HubLinks.of(List.of(), List.of("https://hub.example/"), "https://news.example/self.xml", FEED);
        assertThat(links.self()).isEqualTo(URI.create("https://news.example/self.xml"));
    }

    @Test
    void shouldDropARepeatedHubWhoseSchemeAndHostDifferOnlyInCase() {
        var links = new HubLinks(List.of(URI.create("https://Hub.Example/push"), URI.create("HTTPS://hub.example/push"),
                URI.create("https://hub.example/Push")), FEED);
        assertThat(links.hubs()).containsExactly(URI.create("https://Hub.Example/push"),
                URI.create("https://hub.example/Push"));
    }
}
