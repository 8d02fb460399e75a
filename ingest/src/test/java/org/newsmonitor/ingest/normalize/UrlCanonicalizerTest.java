package org.newsmonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HTTPS://Example.ORG/News/Story?id=1                                | https://example.org/News/Story?id=1",
        "https://example.org:443/a#section-2                                | https://example.org/a",
        "http://example.org:80                                              | http://example.org/",
        "http://example.org:8080/a                                          | http://example.org:8080/a",
        "https://example.org/a?utm_source=rss&id=7&utm_medium=feed&fbclid=x | https://example.org/a?id=7",
        "https://example.org/a?gclid=1&UTM_Campaign=2&yclid=3&mc_eid=4      | https://example.org/a",
        "'  https://example.org/with space  '                                | https://example.org/with%20space",
        "https://пример.рф/новости                                          | https://xn--e1afmkfd.xn--p1ai/новости"})
    void shouldCanonicaliseLinks(String raw, String expected) {
        assertThat(UrlCanonicalizer.canonical(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "mailto:a@b.example",
        "/relative/only", "", "http://"})
    void shouldDropLinksThatAreNotAbsoluteHttp(String raw) {
        assertThat(UrlCanonicalizer.canonical(raw)).isNull();
    }

    @org.junit.jupiter.api.Test
    void shouldRemoveBidiOverridesFromLinks() {
        // a right-to-left override makes ".../report\u202Efdp.exe" display as "...exe.pdf" (issue 19, point 6)
        assertThat(UrlCanonicalizer.canonical("https://news.example/report\u202Efdp.exe\u202C"))
                .isEqualTo("https://news.example/reportfdp.exe");
        assertThat(UrlCanonicalizer.canonical("https://news.\u2067example/a\u2069")).isEqualTo("https://news.example/a");
        assertThat(UrlCanonicalizer.canonical("java\u202Escript:alert(1)")).isNull();
    }
}
