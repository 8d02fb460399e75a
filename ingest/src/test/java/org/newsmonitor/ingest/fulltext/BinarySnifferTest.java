package org.newsmonitor.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinarySnifferTest {
    private static final String PAGE = "<html><head><title>Новости</title></head><body>\t<p>Поезда, 火车 &amp; "
            + "freight.</p>\r\n</body></html>";

    @Test
    void shouldTakeHtmlInEveryCommonEncodingForText() {
        assertThat(BinarySniffer.binary(PAGE.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(BinarySniffer.binary(PAGE.replace("火车 ", "").getBytes(Charset.forName("windows-1251")))).isFalse();
        assertThat(BinarySniffer.binary(PAGE.getBytes(Charset.forName("GB18030")))).isFalse();
        assertThat(BinarySniffer.binary(PAGE.getBytes(StandardCharsets.UTF_16))).isFalse();
        assertThat(BinarySniffer.binary(("\u001b$B" + "text in ISO-2022-JP").getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(BinarySniffer.binary(new byte[0])).isFalse();
    }

    @Test
    void shouldTakeRandomBytesImagesAndNulsForBinary() {
        byte[] random = new byte[4096];
        new SplittableRandom(1).nextBytes(random);
        assertThat(BinarySniffer.binary(random)).isTrue();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(BinarySniffer.binary(png)).isTrue();
        assertThat(BinarySniffer.binary("<html>\0</html>".getBytes(StandardCharsets.US_ASCII))).isTrue();
    }
}
