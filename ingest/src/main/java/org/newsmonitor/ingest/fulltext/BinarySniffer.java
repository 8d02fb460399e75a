package org.newsmonitor.ingest.fulltext;

/**
 * Tells a binary body (an image, an archive, random bytes) from text, whatever its Content-Type claims: text in an
 * ASCII-compatible encoding has no NUL and almost no other control bytes. A body starting with a UTF-16 or UTF-32 byte
 * order mark is text. Pure.
 */
final class BinarySniffer {
    /** Bytes looked at, from the start of the body. */
    static final int SNIFFED = 1024;

    private BinarySniffer() {
    }

    /** True when the start of {@code body} holds a NUL byte or more than 1 % other control bytes. */
    static boolean binary(byte[] body) {
        int n = Math.min(body.length, SNIFFED);
        if (n >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
                || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE)) {
            return false;
        }
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            // tab, line feed, form feed, carriage return and escape (ISO-2022) occur in text
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1B || b == 0x7F) {
                controls++;
            }
        }
        return controls * 100 > n;
    }
}
