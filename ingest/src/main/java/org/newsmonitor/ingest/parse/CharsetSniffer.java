package org.newsmonitor.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the charset of a feed as RFC 7303 says: a byte order mark wins, then the charset declared outside the
 * document (the HTTP Content-Type, a WARC record's type, an operator's option), then the XML declaration, then UTF-8.
 * Three real-world corrections: a server default of ISO-8859-1 or US-ASCII does not override a document that is
 * valid UTF-8 and says so; legacy labels are widened to their supersets (ISO-8859-1 → windows-1252, GB2312/GBK →
 * GB18030); and when nothing declares a charset and the bytes are not UTF-8, the charset is detected from the bytes
 * ({@link CharsetGuess}: GBK, Big5, KOI8-R, windows-1251, Shift_JIS…). Invalid bytes become U+FFFD and are reported.
 */
public final class CharsetSniffer {
    private static final Pattern DECLARED = Pattern.compile("<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    private CharsetSniffer() {
    }

    /**
     * Decodes a feed document.
     *
     * @param body            the bytes; never null
     * @param declaredCharset the charset named outside the document (e.g. the charset parameter of the HTTP
     *                        Content-Type, see {@link #httpCharset(String)}); null when nothing names one
     * @return the text and the charset used; never null
     */
    public static DecodedText decode(byte[] body, String declaredCharset) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return decodeWith(body, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return decodeWith(body, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return decodeWith(body, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
            return decodeWith(body, 0, StandardCharsets.UTF_16LE);
        }
        if (startsWith(body, 0x00, 0x3C, 0x00, 0x3F)) {
            return decodeWith(body, 0, StandardCharsets.UTF_16BE);
        }
        Charset declared = charsetOrNull(declaredEncoding(body));
        Charset http = charsetOrNull(declaredCharset);
        Charset chosen;
        boolean utf8Despite = http != null && isServerDefault(http)
                && (declared == null || declared.equals(StandardCharsets.UTF_8)) && isValidUtf8(body);
        if (http != null && !utf8Despite) {
            chosen = http;
        } else if (declared != null && !utf8Despite) {
            chosen = declared;
        } else if (!isValidUtf8(body)) {
            Charset guessed = CharsetGuess.guess(body);
            if (guessed != null) {
                return new DecodedText(decodeWith(body, 0, guessed).text(), guessed, false, true);
            }
            chosen = StandardCharsets.UTF_8;
        } else {
            chosen = StandardCharsets.UTF_8;
        }
        if (chosen.equals(StandardCharsets.UTF_16)) {
            chosen = StandardCharsets.UTF_8; // a UTF-16 label without a BOM on ASCII-looking bytes is a lie
        }
        return decodeWith(body, 0, chosen);
    }

    /** The charset parameter of a Content-Type header, or null. */
    public static String httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** The encoding named in the XML declaration of an ASCII-compatible document, or null. */
    static String declaredEncoding(byte[] body) {
        int n = Math.min(body.length, 512);
        String head = new String(body, 0, n, StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** The JVM charset for a label, widened to the superset browsers use; null when unknown. */
    static Charset charsetOrNull(String label) {
        if (label == null) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252":
                return Charset.forName("windows-1252");
            case "gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn":
                return Charset.forName("GB18030");
            case "utf8":
                return StandardCharsets.UTF_8;
            case "win-1251", "cp1251", "windows1251":
                return Charset.forName("windows-1251");
            case "koi8r", "koi8":
                return Charset.forName("KOI8-R");
            default:
                try {
                    return Charset.forName(l);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
        }
    }

    private static boolean isServerDefault(Charset c) {
        return c.name().equals("windows-1252");
    }

    private static boolean isValidUtf8(byte[] body) {
        return CharsetGuess.decodesCleanly(body, StandardCharsets.UTF_8);
    }

    private static DecodedText decodeWith(byte[] body, int offset, Charset charset) {
        CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, offset, body.length - offset);
        try {
            CharBuffer text = strict.decode(in);
            return new DecodedText(stripBom(text.toString()), charset, false, false);
        } catch (CharacterCodingException e) {
            CharsetDecoder lenient = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith("\uFFFD");
            try {
                String text = lenient.decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
                return new DecodedText(stripBom(text), charset, true, false);
            } catch (CharacterCodingException impossible) {
                throw new IllegalStateException("a replacing decoder reported an error", impossible);
            }
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
