package org.newsmonitor.ingest.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes of a feed document to a {@link ParsedFeed}: RSS 0.9x, 1.0 and 2.0 and Atom 0.3 and 1.0 through Rome, with
 * the common namespaces (dc, content:encoded, media). The one entry point for every path that reads feeds (the
 * poller, replay of feed snapshots and WARC captures, offline matching of feed files): each gets the same size cap,
 * charset choice, hostile-XML guards and repairs. Pure: no network, no clock.
 *
 * <p>Items that carry nothing (no title, link, guid, description, content or date) are dropped; an item repeated in
 * one document (same guid, or same link when it has no guid) is kept once, in its last version.
 */
public final class FeedParser {
    /** Most entries read from one document; the rest are counted in {@link ParsedFeed#itemsDropped()}. */
    public static final int MAX_ITEMS = 10_000;

    /** Elements holding the publication date, most specific first (dc:date is "date"). */
    private static final List<String> PUBLISHED = List.of("pubDate", "published", "issued", "date", "created");
    /** Elements holding the update date (Atom 1.0, Atom 0.3). */
    private static final List<String> UPDATED = List.of("updated", "modified");
    private static final Namespace XML_NS = Namespace.XML_NAMESPACE;
    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);

    private final long maxDocumentBytes;

    /**
     * A parser refusing documents larger than {@code maxDocumentBytes}.
     *
     * @param maxDocumentBytes the size cap, the one the HTTP fetcher applies ({@link HttpLimits#maxBodyBytes()})
     */
    public FeedParser(long maxDocumentBytes) {
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive, was " + maxDocumentBytes);
        }
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** A parser with the default size cap, {@link HttpLimits#defaults()}'s body limit. */
    public static FeedParser withDefaultLimit() {
        return new FeedParser(HttpLimits.defaults().maxBodyBytes());
    }

    /** The size cap of this parser, in bytes. */
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /**
     * Parses a feed file or body.
     *
     * @param body            the document bytes (already decompressed); never null
     * @param declaredCharset the charset named outside the document (HTTP Content-Type charset, an operator's
     *                        option); null when nothing names one, then the XML declaration or the bytes decide
     * @param source          where the document comes from (a URL or a file path), for messages; may be null
     * @return the feed; never null
     * @throws FeedParseException when the document is not a readable feed, with the reason
     */
    public ParsedFeed parse(byte[] body, String declaredCharset, String source) throws FeedParseException {
        return parse(body, declaredCharset, source, null);
    }

    /**
     * Parses a feed, resolving relative links; see {@link #parse(byte[], String, String)}.
     *
     * @param baseUri the final URL the document was read from, for relative links; may be null
     */
    public ParsedFeed parse(byte[] body, String declaredCharset, String source, URI baseUri)
            throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("empty body");
        }
        if (body.length > maxDocumentBytes) {
            throw new FeedParseException("document of " + body.length + " bytes is larger than the limit of "
                    + maxDocumentBytes + " bytes");
        }
        ParsedFeed feed = parse(CharsetSniffer.decode(body, declaredCharset), baseUri);
        if (!feed.recoveries().isEmpty()) {
            LOG.debug("Feed {} was read with repairs: {}", source == null ? "(unnamed)" : source, feed.recoveries());
        }
        return feed;
    }

    /**
     * Parses a feed file, for offline tools: a file over the size cap is refused from its size, before it is read.
     *
     * @param file            the feed file (not compressed); never null
     * @param declaredCharset the charset an operator named for it; null to let the document or the bytes decide
     * @return the feed; never null
     * @throws FeedParseException when the file cannot be read or is not a readable feed, with the reason
     */
    public ParsedFeed parseFile(Path file, String declaredCharset) throws FeedParseException {
        byte[] body;
        try {
            long size = Files.size(file);
            if (size > maxDocumentBytes) {
                throw new FeedParseException("document of " + size + " bytes is larger than the limit of "
                        + maxDocumentBytes + " bytes");
            }
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FeedParseException("cannot read the file: " + e.getClass().getSimpleName() + " "
                    + oneLine(e.getMessage()));
        }
        return parse(body, declaredCharset, file.toString(), null);
    }

    /** Parses decoded feed text; see {@link #parse(byte[], String, String, URI)}. No size cap is applied here. */
    static ParsedFeed parse(DecodedText decoded, URI baseUri) throws FeedParseException {
        SafeXmlReader.Result read = SafeXmlReader.read(decoded.text());
        Document doc = read.document();
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(doc);
        } catch (ParsingFeedException e) {
            throw new FeedParseException("invalid feed: " + oneLine(e.getMessage()), e.getLineNumber(),
                    e.getColumnNumber(), e);
        } catch (FeedException e) {
            throw new FeedParseException("invalid feed: " + oneLine(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not a feed (root element <" + doc.getRootElement().getName()
                    + "> is neither RSS nor Atom)");
        } catch (RuntimeException e) {
            throw new FeedParseException("invalid feed: " + e.getClass().getSimpleName() + " " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new FeedParseException("invalid feed: structure too deep to map");
        }
        Element root = doc.getRootElement();
        List<Element> itemElements = itemElements(root);
        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = itemElements.size() == entries.size();
        URI feedBase = base(root, baseUri);
        int count = Math.min(entries.size(), MAX_ITEMS);
        List<ParsedItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Element element = aligned ? itemElements.get(i) : null;
            ParsedItem item = item(entries.get(i), element, element == null ? feedBase : base(element, baseUri));
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        Set<String> recoveries = new TreeSet<>(read.recoveries());
        if (decoded.detected()) {
            recoveries.add(Recovery.CHARSET_DETECTED);
        }
        String language = feed.getLanguage() != null ? feed.getLanguage() : root.getAttributeValue("lang", XML_NS);
        return new ParsedFeed(feed.getFeedType(), HtmlText.toLine(feed.getTitle()), resolve(feedBase, feed.getLink()),
                blankToNull(language), lastVersions(items), decoded.charset().name(), decoded.encodingErrors(),
                entries.size() - count, List.copyOf(recoveries), feedLinks(root, feedBase, "hub"),
                feedLinks(root, feedBase, "self").stream().findFirst().orElse(null));
    }

    // <link rel="..." href="..."> in any namespace (Atom, atom:link in RSS) on the feed or channel, resolved
    private static List<String> feedLinks(Element root, URI base, String rel) {
        List<Element> levels = new ArrayList<>(List.of(root));
        levels.addAll(root.getChildren().stream().filter(c -> c.getName().equals("channel")).toList());
        Set<String> out = new LinkedHashSet<>();
        for (Element level : levels) {
            for (Element child : level.getChildren()) {
                String rels = child.getAttributeValue("rel");
                if (child.getName().equals("link") && rels != null
                        && List.of(rels.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")).contains(rel)) {
                    String href = resolve(base, child.getAttributeValue("href"));
                    if (href != null && href.matches("(?i)https?:.*")) {
                        out.add(href);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    // one item per guid (or per link when there is no guid), the last version, where it last appears
    private static List<ParsedItem> lastVersions(List<ParsedItem> items) {
        Map<String, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String key = identity(items.get(i));
            if (key != null) {
                lastIndex.put(key, i);
            }
        }
        if (lastIndex.size() == items.size()) {
            return items;
        }
        List<ParsedItem> kept = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String key = identity(items.get(i));
            if (key == null || lastIndex.get(key) == i) {
                kept.add(items.get(i));
            }
        }
        return kept;
    }

    private static String identity(ParsedItem item) {
        if (item.guid() != null) {
            return "guid:" + item.guid();
        }
        return item.link() != null ? "link:" + item.link() : null;
    }

    private static ParsedItem item(SyndEntry entry, Element element, URI base) {
        String title = HtmlText.toLine(entry.getTitle());
        String summary = entry.getDescription() == null ? null : HtmlText.toText(entry.getDescription().getValue());
        String content = null;
        for (SyndContent c : entry.getContents()) {
            String text = HtmlText.toText(c.getValue());
            if (text != null && !text.isBlank() && (content == null || text.length() > content.length())) {
                content = text;
            }
        }
        if ((summary == null || summary.isBlank()) && content != null) {
            summary = content;
            content = null;
        } else if (content != null && content.equals(summary)) {
            content = null;
        }
        Set<String> categories = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = HtmlText.toLine(category.getName());
            if (name != null && !name.isBlank()) {
                categories.add(name);
            }
        }
        if (categories.isEmpty() && entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                String name = HtmlText.toLine(subject.getValue());
                if (name != null && !name.isBlank()) {
                    categories.add(name);
                }
            }
        }
        String guid = element == null ? entry.getUri() : guid(element, entry);
        return new ParsedItem(blankToNull(guid), link(entry, base), title, summary, content,
                element == null ? null : childText(element, PUBLISHED),
                element == null ? null : childText(element, UPDATED),
                instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()), List.copyOf(categories),
                element == null ? null : element.getAttributeValue("lang", XML_NS));
    }

    private static String link(SyndEntry entry, URI base) {
        String link = entry.getLink();
        if (link == null || link.isBlank()) {
            for (SyndLink l : entry.getLinks()) {
                if (l.getRel() == null || l.getRel().equals("alternate")) {
                    link = l.getHref();
                    break;
                }
            }
        }
        if ((link == null || link.isBlank()) && entry.getUri() != null && entry.getUri().startsWith("http")) {
            link = entry.getUri();
        }
        return resolve(base, link);
    }

    private static String guid(Element item, SyndEntry entry) {
        for (Element child : item.getChildren()) {
            if (child.getName().equals("guid") || (child.getName().equals("id") && isAtom(child))) {
                return child.getTextNormalize();
            }
        }
        String about = item.getAttributeValue("about", Namespace.getNamespace("rdf",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#"));
        return about != null ? about : null;
    }

    private static boolean isAtom(Element e) {
        String ns = e.getNamespaceURI();
        return ns.equals("http://www.w3.org/2005/Atom") || ns.equals("http://purl.org/atom/ns#");
    }

    // entries in document order: channel/item (RSS 0.9x, 2.0), rdf:RDF/item (RSS 1.0), feed/entry (Atom)
    private static List<Element> itemElements(Element root) {
        List<Element> items = new ArrayList<>();
        for (Element child : root.getChildren()) {
            String name = child.getName();
            if (name.equals("item") || name.equals("entry")) {
                items.add(child);
            } else if (name.equals("channel")) {
                for (Element inChannel : child.getChildren()) {
                    if (inChannel.getName().equals("item")) {
                        items.add(inChannel);
                    }
                }
            }
        }
        return items;
    }

    private static String childText(Element item, List<String> names) {
        for (String wanted : names) {
            for (Element child : item.getChildren()) {
                if (child.getName().equals(wanted) && !child.getTextNormalize().isEmpty()) {
                    return child.getTextNormalize();
                }
            }
        }
        return null;
    }

    // the xml:base in force at an element, resolved up through its ancestors to the document URL
    private static URI base(Element element, URI documentUri) {
        List<String> bases = new ArrayList<>();
        for (Element e = element; e != null; e = e.getParentElement()) {
            String b = e.getAttributeValue("base", XML_NS);
            if (b != null && !b.isBlank()) {
                bases.add(0, b.strip());
            }
        }
        URI current = documentUri;
        for (String b : bases) {
            try {
                URI next = URI.create(b.replace(" ", "%20"));
                current = current == null ? next : current.resolve(next);
            } catch (IllegalArgumentException e) {
                // a broken xml:base is ignored, as browsers do
            }
        }
        return current;
    }

    private static String resolve(URI base, String link) {
        if (link == null) {
            return null;
        }
        String l = link.strip().replace(" ", "%20");
        if (l.isEmpty()) {
            return null;
        }
        try {
            URI uri = URI.create(l);
            if (uri.isAbsolute()) {
                return uri.toString();
            }
            return base == null || !base.isAbsolute() ? null : base.resolve(uri).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "unknown error" : line;
    }
}
