package org.newsmonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void shouldRemoveUnpairedSurrogatesWhenCleaning() {
        assertThat(TextCleaner.clean("a\uD800b\uDC00c 😀")).isEqualTo("abc 😀");
    }
}
