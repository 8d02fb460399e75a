package org.newsmonitor.ingest.parse;

import java.nio.charset.Charset;

/**
 * Bytes turned into text.
 *
 * @param text           the text, without a byte order mark; never null
 * @param charset        the charset used
 * @param encodingErrors true when invalid bytes were replaced by U+FFFD
 * @param detected       true when nothing declared the charset and it was detected from the bytes
 */
public record DecodedText(String text, Charset charset, boolean encodingErrors, boolean detected) {
}
