package org.newsmonitor.ingest.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient but exact reader of the dates found in feeds: RFC 822/1123 with numeric or named zones (GMT, MSK, EST…),
 * ISO 8601 with or without zone and with any number of fraction digits, date-only forms, and the common
 * {@code 2025/03/05 10:15} and {@code 2025年3月5日 10:15} forms. Calendar errors such as 31 February are refused
 * rather than rolled over. The result never depends on the JVM's default zone or locale: a date without a zone is
 * read in the zone passed in and marked as assumed.
 */
public final class DateParser {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?\\s*(.*)");
    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?\\s*(.*)");
    private static final Pattern CJK = Pattern.compile(
            "(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\s*(?:(\\d{1,2})[:：時时](\\d{2})(?:[:：分](\\d{2}))?()[秒]?)?\\s*(.*)");
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]{2,9}\\.?,?\\s+)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\sT,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?\\s*(.*)");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?:[A-Za-z]{2,9}\\.?,?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})"
                    + "(?:[\\sT,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?\\s*(.*)");
    private static final Pattern NUMERIC_ZONE = Pattern.compile(
            "(?:(?:GMT|UTC|UT)\\s*)?([+-])(\\d{1,2})(?::?(\\d{2}))?(?:\\s*\\(.*\\))?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    /** Named zones seen in feeds, as fixed offsets in minutes (RFC 822 meanings for the US names). */
    private static final Map<String, Integer> NAMED_ZONES = Map.ofEntries(
            Map.entry("Z", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("WET", 0),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("BST", 60), Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("MET", 60),
            Map.entry("MEST", 120), Map.entry("WEST", 60), Map.entry("EET", 120), Map.entry("EEST", 180),
            Map.entry("MSK", 180), Map.entry("MSD", 240), Map.entry("SAMT", 240), Map.entry("YEKT", 300),
            Map.entry("OMST", 360), Map.entry("NOVT", 420), Map.entry("KRAT", 420), Map.entry("IRKT", 480),
            Map.entry("YAKT", 540), Map.entry("VLAT", 600), Map.entry("MAGT", 660), Map.entry("PETT", 720),
            Map.entry("IST", 330), Map.entry("PKT", 300), Map.entry("ICT", 420), Map.entry("HKT", 480),
            Map.entry("SGT", 480), Map.entry("AWST", 480), Map.entry("JST", 540), Map.entry("KST", 540),
            Map.entry("AEST", 600), Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780),
            Map.entry("ULAT", 480), Map.entry("ALMT", 300));

    private DateParser() {
    }

    /**
     * Reads a date.
     *
     * @param raw         the text from the feed; may be null
     * @param defaultZone zone for dates that carry none; never null
     * @return the date, or null when the text is blank or not a valid date
     */
    public static FeedDate parse(String raw, ZoneId defaultZone) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return null;
        }
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return build(num(m, 1), num(m, 2), num(m, 3), m, 4, defaultZone);
            }
            m = SLASHED.matcher(s);
            if (m.matches()) {
                return build(num(m, 1), num(m, 2), num(m, 3), m, 4, defaultZone);
            }
            m = CJK.matcher(s);
            if (m.matches()) {
                return build(num(m, 1), num(m, 2), num(m, 3), m, 4, defaultZone);
            }
            m = RFC822.matcher(s);
            if (m.matches()) {
                Integer month = month(m.group(2));
                return month == null ? null : build(year(m.group(3)), month, num(m, 1), m, 4, defaultZone);
            }
            m = MONTH_FIRST.matcher(s);
            if (m.matches()) {
                Integer month = month(m.group(1));
                return month == null ? null : build(num(m, 3), month, num(m, 2), m, 4, defaultZone);
            }
        } catch (DateTimeException | NumberFormatException e) {
            // 31 February, hour 25, a zone offset of +19:00 …: not a date
            return null;
        }
        return null;
    }

    // groups from `first`: hour, minute, second, fraction, zone text
    private static FeedDate build(int year, int month, int day, Matcher m, int first, ZoneId defaultZone) {
        LocalDate date = LocalDate.of(year, month, day);
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(first) != null) {
            int second = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
            String fraction = m.group(first + 3);
            int nanos = fraction == null || fraction.isEmpty() ? 0 : nanos(fraction);
            if (second == 60) {
                second = 59; // leap second: keep it within the minute
            }
            time = LocalTime.of(Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)), second, nanos);
        }
        String zoneText = m.group(first + 4) == null ? "" : m.group(first + 4).strip();
        ZoneOffset offset = zone(zoneText);
        LocalDateTime local = LocalDateTime.of(date, time);
        if (offset != null) {
            return new FeedDate(local.toInstant(offset), false);
        }
        if (!zoneText.isEmpty() && !isIgnorableZone(zoneText)) {
            return null; // trailing text we do not understand: better no date than a wrong one
        }
        return new FeedDate(local.atZone(defaultZone).toInstant(), true);
    }

    private static ZoneOffset zone(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher n = NUMERIC_ZONE.matcher(text);
        if (n.matches()) {
            int hours = Integer.parseInt(n.group(2));
            int minutes = n.group(3) == null ? 0 : Integer.parseInt(n.group(3));
            if (n.group(3) == null && n.group(2).length() > 2) {
                return null;
            }
            int sign = n.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        String word = text.replaceAll("[()]", "").strip().toUpperCase(Locale.ROOT);
        Integer minutes = NAMED_ZONES.get(word);
        return minutes == null ? null : ZoneOffset.ofTotalSeconds(minutes * 60);
    }

    // a single military letter or an unknown short zone name: read in the default zone
    private static boolean isIgnorableZone(String text) {
        return text.matches("[A-Za-z]{1,5}");
    }

    private static int nanos(String fraction) {
        String digits = fraction.length() > 9 ? fraction.substring(0, 9) : fraction;
        StringBuilder padded = new StringBuilder(digits);
        while (padded.length() < 9) {
            padded.append('0');
        }
        return Integer.parseInt(padded.toString());
    }

    private static Integer month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.length() < 3 ? null : MONTHS.get(n.substring(0, 3));
    }

    private static int year(String text) {
        int y = Integer.parseInt(text);
        if (text.length() == 2) {
            return y < 50 ? 2000 + y : 1900 + y;
        }
        if (text.length() == 3) {
            throw new NumberFormatException("three-digit year " + text);
        }
        return y;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
