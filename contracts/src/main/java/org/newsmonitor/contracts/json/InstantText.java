package org.newsmonitor.contracts.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads and writes the one instant form our records use, {@code 2026-11-23T15:01:05.250Z}, without going through
 * {@code DateTimeFormatter}, which costs several microseconds per value; every record carries two or more instants.
 * The text is exactly that of {@link Instant#toString()} and {@link Instant#parse}; anything outside the common form
 * (years beyond 0000–9999, a leap second, an offset other than {@code Z}) is left to them.
 */
public final class InstantText {
    private static final int SHORTEST = "0000-00-00T00:00:00Z".length();

    private InstantText() {
    }

    /** The same text as {@code instant.toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDateTime t;
        try {
            t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return instant.toString();
        }
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        char[] out = new char[SHORTEST + 10];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, t.getHour(), 2);
        out[13] = ':';
        digits(out, 14, t.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, t.getSecond(), 2);
        int end = 19;
        int nano = instant.getNano();
        if (nano > 0) {
            out[end++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(out, end, nano / 1_000_000, 3);
                end += 3;
            } else if (nano % 1_000 == 0) {
                digits(out, end, nano / 1_000, 6);
                end += 6;
            } else {
                digits(out, end, nano, 9);
                end += 9;
            }
        }
        out[end++] = 'Z';
        return new String(out, 0, end);
    }

    /**
     * The instant written as {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with 1 to 9 fraction digits, or null when the text
     * has another form or an impossible date, so that the caller can hand it to the general parser (which accepts
     * or rejects it with its own message).
     */
    public static Instant parseCommon(String text) {
        int n = text.length();
        if (n < SHORTEST || n > SHORTEST + 10 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nano = 0;
        if (n > SHORTEST) {
            int fractionDigits = n - SHORTEST - 1;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = number(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nano = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nano *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // 2026-02-30 and the like: the general parser gives the error
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nano);
    }

    // the decimal number in text[from, from + count), or -1 when a character is not a digit
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static void digits(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
