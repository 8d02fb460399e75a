package org.newsmonitor.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads feed lists. OPML: every {@code <outline>} with an {@code xmlUrl} is a feed; {@code text}/{@code title},
 * {@code language} and {@code category} (comma-separated, "/a/b" paths split) are standard, and the extension
 * attributes {@code nm:id}, {@code nm:interval}, {@code nm:minInterval}, {@code nm:maxInterval} (ISO-8601 like PT15M,
 * or 15m / 2h / 90s), {@code nm:timeZone}, {@code nm:tags}, {@code nm:fullText} and {@code nm:contentSelector} in
 * namespace {@value #OPML_NAMESPACE} (also accepted without prefix) set the rest; enclosing folder outlines add their
 * text as a tag. YAML: a list (or {@code feeds:} list) of maps with {@code url} and optional {@code id},
 * {@code title}, {@code language}, {@code tags}, {@code interval}, {@code minInterval}, {@code maxInterval},
 * {@code timeZone}, {@code fullText} and {@code contentSelector}.
 *
 * <p>Full text: {@code fullText} is {@code auto} (default: the article page is fetched for items whose text looks like
 * a teaser), {@code off} (never) or {@code always} (for every item with a link); {@code contentSelector} is a CSS
 * selector naming the article body on this source's pages, tried before the generic extraction.
 *
 * <p>Polling: a feed with {@code interval} and neither {@code minInterval} nor {@code maxInterval} is polled at that
 * fixed interval. Any other feed is adaptive: its interval follows its publication history between the floor
 * {@code minInterval} (default {@link FeedDefinition#DEFAULT_FLOOR}) and the ceiling {@code maxInterval} (default
 * {@link FeedDefinition#DEFAULT_CEILING}, or the floor when that is longer), starting from {@code interval} (default
 * {@link FeedDefinition#DEFAULT_INTERVAL}, held between floor and ceiling) until there is history.
 */
public final class FeedListReader {
    /** Namespace of the monitor's OPML extension attributes. */
    public static final String OPML_NAMESPACE = "urn:newsmonitor:opml";
    /** Classpath location of the bundled default list. */
    public static final String DEFAULT_LIST = "/feeds/default.opml";

    private FeedListReader() {
    }

    /**
     * Reads a feed list file; .yaml/.yml are YAML, anything else OPML.
     *
     * @param path the file; never null
     * @return feeds in file order; never null
     * @throws FeedListException naming the file (and line) when it cannot be read or is invalid
     */
    public static List<FeedDefinition> read(Path path) {
        return parse(readText(path), path);
    }

    /**
     * The text of a feed list file.
     *
     * @throws FeedListException naming the file when it cannot be read
     */
    public static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeedListException("Cannot read feed list " + path + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), e);
        }
    }

    /**
     * Parses the text of the feed list file {@code path}; .yaml/.yml are YAML, anything else OPML.
     *
     * @throws FeedListException naming the file and line when the list is invalid
     */
    public static List<FeedDefinition> parse(String text, Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? readYaml(text, path.toString())
                : readOpml(text, path.toString());
    }

    /** The bundled default list of public feeds. */
    public static List<FeedDefinition> bundledDefault() {
        try (InputStream in = FeedListReader.class.getResourceAsStream(DEFAULT_LIST)) {
            if (in == null) {
                throw new FeedListException("The bundled feed list " + DEFAULT_LIST + " is missing from the jar", null);
            }
            return readOpml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + DEFAULT_LIST);
        } catch (IOException e) {
            throw new FeedListException("Cannot read the bundled feed list: " + e.getMessage(), e);
        }
    }

    /**
     * Reads OPML text.
     *
     * @param text  the document
     * @param where the file name for messages
     * @return feeds in document order
     */
    public static List<FeedDefinition> readOpml(String text, String where) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<FeedDefinition> feeds = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>();
        Deque<Boolean> isFolder = new ArrayDeque<>();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new StringReader(text));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("outline")) {
                    int line = xml.getLocation().getLineNumber();
                    String url = attr(xml, "xmlUrl");
                    if (url == null) {
                        String folder = firstNonBlank(attr(xml, "text"), attr(xml, "title"));
                        folders.push(folder == null ? "" : folder);
                        isFolder.push(true);
                        continue;
                    }
                    isFolder.push(false);
                    try {
                        feeds.add(opmlFeed(xml, url, folders));
                    } catch (IllegalArgumentException e) {
                        throw new FeedListException("Invalid feed in " + where + " at line " + line + ": "
                                + e.getMessage(), e);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("outline")) {
                    if (!isFolder.isEmpty() && isFolder.pop()) {
                        folders.pop();
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new FeedListException("Malformed OPML in " + where + (line > 0 ? " at line " + line : "") + ": "
                    + firstLine(e.getMessage()), e);
        } finally {
            close(xml);
        }
        return unique(feeds, where);
    }

    /**
     * Reads YAML text.
     *
     * @param text  the document
     * @param where the file name for messages
     * @return feeds in document order
     */
    public static List<FeedDefinition> readYaml(String text, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedListException("Malformed YAML in " + where + " at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        }
        JsonNode list = root != null && root.isObject() ? root.get("feeds") : root;
        if (list == null || !list.isArray()) {
            throw new FeedListException("Feed list " + where + " must be a YAML list of feeds (or have a 'feeds:' list)",
                    null);
        }
        List<FeedDefinition> feeds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            try {
                String url = text(f, "url");
                if (url == null) {
                    throw new IllegalArgumentException("url is required");
                }
                List<String> tags = new ArrayList<>();
                JsonNode t = f.get("tags");
                if (t != null && t.isArray()) {
                    t.forEach(tag -> tags.add(tag.asText()));
                } else if (t != null) {
                    tags.addAll(splitList(t.asText()));
                }
                feeds.add(definition(text(f, "id"), url, text(f, "title"), text(f, "language"), tags,
                        new Intervals(text(f, "interval"), text(f, "minInterval"), text(f, "maxInterval")),
                        text(f, "timeZone"), FullTextOption.of(text(f, "fullText"), text(f, "contentSelector"))));
            } catch (IllegalArgumentException e) {
                throw new FeedListException("Invalid feed in " + where + " at feeds[" + i + "]: " + e.getMessage(), e);
            }
        }
        return unique(feeds, where);
    }

    /**
     * Reads an interval: ISO-8601 (PT15M), a number with unit (90s, 15m, 2h, 1d), or plain minutes.
     *
     * @throws IllegalArgumentException when unreadable
     */
    public static Duration interval(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.matches("\\d+")) {
                return Duration.ofMinutes(Long.parseLong(t));
            }
            if (t.matches("\\d+\\s*(s|m|h|d)")) {
                long n = Long.parseLong(t.replaceAll("\\D", ""));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("interval '" + text + "' is not a duration (use PT15M, 15m, 2h or 90s)");
    }

    private static FeedDefinition opmlFeed(XMLStreamReader xml, String url, Deque<String> folders) {
        List<String> tags = new ArrayList<>();
        List<String> outer = new ArrayList<>(folders);
        java.util.Collections.reverse(outer);
        for (String folder : outer) {
            if (!folder.isBlank()) {
                tags.add(folder.strip());
            }
        }
        String category = attr(xml, "category");
        if (category != null) {
            for (String c : splitList(category)) {
                for (String segment : c.split("/")) {
                    if (!segment.isBlank()) {
                        tags.add(segment.strip());
                    }
                }
            }
        }
        String extraTags = attr(xml, "tags");
        if (extraTags != null) {
            tags.addAll(splitList(extraTags));
        }
        return definition(attr(xml, "id"), url, firstNonBlank(attr(xml, "title"), attr(xml, "text")),
                attr(xml, "language"), tags,
                new Intervals(attr(xml, "interval"), attr(xml, "minInterval"), attr(xml, "maxInterval")),
                attr(xml, "timeZone"), FullTextOption.of(attr(xml, "fullText"), attr(xml, "contentSelector")));
    }

    /** The polling keys of one feed as written; any may be null. */
    private record Intervals(String interval, String min, String max) {
    }

    private static FeedDefinition definition(String id, String url, String title, String language, List<String> tags,
            Intervals intervals, String zone, FullTextOption fullText) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url '" + url + "' is not a valid URL");
        }
        ZoneId zoneId;
        try {
            zoneId = zone == null ? null : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + zone + "' is not a zone id such as Europe/Moscow");
        }
        String feedId = id == null || id.isBlank() ? FeedIds.fromUrl(uri) : id.strip();
        List<String> uniqueTags = new ArrayList<>(new LinkedHashSet<>(tags));
        Duration interval = intervals.interval() == null ? null : interval(intervals.interval());
        if (intervals.min() == null && intervals.max() == null && interval != null) {
            return new FeedDefinition(feedId, uri, title, language, uniqueTags, interval, zoneId, null, null, fullText);
        }
        Duration min = intervals.min() == null ? null : named("minInterval", intervals.min());
        Duration max = intervals.max() == null ? null : named("maxInterval", intervals.max());
        if (min == null) {
            min = max != null && max.compareTo(FeedDefinition.DEFAULT_FLOOR) < 0 ? max : FeedDefinition.DEFAULT_FLOOR;
        }
        if (max == null) {
            max = min.compareTo(FeedDefinition.DEFAULT_CEILING) > 0 ? min : FeedDefinition.DEFAULT_CEILING;
        }
        Duration start = interval == null ? FeedDefinition.DEFAULT_INTERVAL : interval;
        if (max.compareTo(min) >= 0) {
            start = start.compareTo(min) < 0 ? min : start.compareTo(max) > 0 ? max : start;
        }
        return new FeedDefinition(feedId, uri, title, language, uniqueTags, start, zoneId, min, max, fullText);
    }

    private static Duration named(String key, String text) {
        try {
            return interval(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    private static List<FeedDefinition> unique(List<FeedDefinition> feeds, String where) {
        Map<String, FeedDefinition> byId = new HashMap<>();
        for (FeedDefinition f : feeds) {
            FeedDefinition earlier = byId.putIfAbsent(f.id(), f);
            if (earlier != null) {
                throw new FeedListException("Feed list " + where + " has two feeds with id '" + f.id() + "': "
                        + earlier.url() + " and " + f.url() + " (give one an explicit id)", null);
            }
        }
        return List.copyOf(feeds);
    }

    // an attribute by local name, in no namespace or in ours
    private static String attr(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals(name) && (ns == null || ns.isEmpty() || ns.equals(OPML_NAMESPACE))) {
                String v = xml.getAttributeValue(i);
                return v == null || v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().reduce((x, y) -> y).orElse(s).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
    }
}
