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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Bytes of a feed document to a {@link ParsedFeed}: RSS 0.9x, 1.0 and 2.0 and Atom 0.3 and 1.0 through Rome, with
 * the common namespaces (dc, content:encoded, media). Pure: no network, no clock.
 */
public final class FeedParser {
    /** Most entries read from one document; the rest are counted in {@link ParsedFeed#itemsDropped()}. */
    public static final int MAX_ITEMS = 10_000;

    /** Elements holding the publication date, most specific first (dc:date is "date"). */
    private static final List<String> PUBLISHED = List.of("pubDate", "published", "issued", "date", "created");
    /** Elements holding the update date (Atom 1.0, Atom 0.3). */
    private static final List<String> UPDATED = List.of("updated", "modified");
    private static final Namespace XML_NS = Namespace.XML_NAMESPACE;

    private FeedParser() {
    }

    /**
     * Parses a feed.
     *
     * @param body        the document bytes (already decompressed); never null
     * @param contentType HTTP Content-Type, for its charset; may be null
     * @param baseUri     the final URL the document was read from, for relative links; may be null
     * @return the feed; never null
     * @throws FeedParseException when the document is not a readable feed, with the reason
     */
    public static ParsedFeed parse(byte[] body, String contentType, URI baseUri) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("empty body");
        }
        DecodedText decoded = CharsetSniffer.decode(body, contentType);
        return parse(decoded, baseUri);
    }

    /** Parses decoded feed text; see {@link #parse(byte[], String, URI)}. */
    public static ParsedFeed parse(DecodedText decoded, URI baseUri) throws FeedParseException {
        Document doc = SafeXmlReader.read(decoded.text());
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
            items.add(item(entries.get(i), element, element == null ? feedBase : base(element, baseUri)));
        }
        String language = feed.getLanguage() != null ? feed.getLanguage() : root.getAttributeValue("lang", XML_NS);
        return new ParsedFeed(feed.getFeedType(), HtmlText.toLine(feed.getTitle()), resolve(feedBase, feed.getLink()),
                blankToNull(language), items, decoded.charset().name(), decoded.encodingErrors(),
                entries.size() - count);
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
