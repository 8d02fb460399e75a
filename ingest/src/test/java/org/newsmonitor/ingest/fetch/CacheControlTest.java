package org.newsmonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheControlTest {

    @Test
    void shouldReadMaxAgeAmongOtherDirectives() {
        assertThat(CacheControl.maxAge("public, max-age=600")).isEqualTo(Duration.ofSeconds(600));
        assertThat(CacheControl.maxAge("MAX-AGE=\"60\", s-maxage=3600")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldCapHugeValuesAndIgnoreGarbageAndNoCache() {
        assertThat(CacheControl.maxAge("max-age=99999999999999")).isEqualTo(CacheControl.MAX);
        assertThat(CacheControl.maxAge("max-age=soon")).isNull();
        assertThat(CacheControl.maxAge("no-cache, max-age=600")).isNull();
        assertThat(CacheControl.maxAge("s-maxage=600")).isNull();
        assertThat(CacheControl.maxAge(null)).isNull();
    }
}
