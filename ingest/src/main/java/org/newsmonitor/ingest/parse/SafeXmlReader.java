package org.newsmonitor.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.nodes.Entities;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads untrusted XML text into a JDOM document that Rome can map, refusing what could hurt the monitor:
 * <ul>
 *   <li>any DOCTYPE is refused ("DOCTYPE not allowed"), so no external entity is ever resolved and no entity can
 *       expand; the one exception is the public, entity-free RSS 0.91 DOCTYPE of old Netscape feeds, which is removed
 *       before parsing (its HTML entities such as {@code &eacute;} are turned into character references);</li>
 *   <li>nesting deeper than {@link #MAX_DEPTH} elements is refused before the tree grows (no StackOverflowError in
 *       Rome's recursive mapping);</li>
 *   <li>HTML and XHTML pages are told apart from feeds ("not a feed (HTML page)");</li>
 *   <li>well-known namespace prefixes used without a declaration (media:, dc:, content:…) are declared for the
 *       feed's author; unknown undeclared prefixes give a "namespace error".</li>
 * </ul>
 */
public final class SafeXmlReader {
    /** Deepest element nesting accepted; real feeds stay under 20. */
    public static final int MAX_DEPTH = 256;

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+([^\\s>\\[]+)([^>\\[]*)(\\[)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NETSCAPE_RSS_091 = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\"\\s*(?:\"[^\"<>]*\")?\\s*>");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final Pattern UNBOUND = Pattern.compile("prefix \"([\\w.-]+)\" for (?:element|attribute)");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Map<String, String> KNOWN_PREFIXES = Map.ofEntries(
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("yandex", "http://news.yandex.ru"),
            Map.entry("rambler", "http://news.rambler.ru"));

    private SafeXmlReader() {
    }

    /**
     * Parses feed text.
     *
     * @param text decoded document text; never null
     * @return the document; never null
     * @throws FeedParseException with a one-line reason (and line/column when the XML is malformed)
     */
    public static Document read(String text) throws FeedParseException {
        String xml = prepare(text);
        try {
            return parse(xml);
        } catch (FeedParseException e) {
            Set<String> unbound = unboundPrefixes(e);
            if (unbound.isEmpty() || !KNOWN_PREFIXES.keySet().containsAll(unbound)) {
                throw e;
            }
            return parse(declarePrefixes(xml, unbound));
        }
    }

    /** Cleans the text and rejects non-feeds before any XML parser sees it. */
    static String prepare(String text) throws FeedParseException {
        String xml = withoutIllegalChars(text).strip();
        if (xml.isEmpty()) {
            throw new FeedParseException("empty document");
        }
        if (xml.charAt(0) != '<') {
            throw new FeedParseException("not a feed (the document does not start with XML markup)");
        }
        int rootAt = rootElementStart(xml);
        String prolog = rootAt < 0 ? xml : xml.substring(0, rootAt);
        Matcher doctype = DOCTYPE.matcher(prolog);
        if (doctype.find()) {
            if (doctype.group(1).toLowerCase(Locale.ROOT).equals("html")) {
                throw new FeedParseException("not a feed (HTML page)");
            }
            Matcher netscape = NETSCAPE_RSS_091.matcher(prolog);
            if (doctype.group(3) == null && netscape.find()) {
                xml = xml.substring(0, netscape.start()) + xml.substring(netscape.end());
                rootAt = rootElementStart(xml);
            } else {
                throw new FeedParseException("DOCTYPE not allowed (feeds are read without document type definitions, "
                        + "so no external or expanding entity can be used)");
            }
        }
        if (rootAt < 0) {
            throw new FeedParseException("not a feed (no root element)");
        }
        Matcher root = ROOT.matcher(xml);
        if (root.find(rootAt)) {
            String name = root.group(1);
            String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (local.equals("html")) {
                throw new FeedParseException(name.equals("html") && xml.contains("http://www.w3.org/1999/xhtml")
                        ? "not a feed (XHTML page)" : "not a feed (HTML page)");
            }
        }
        return htmlEntitiesAsReferences(xml);
    }

    private static Document parse(String xml) throws FeedParseException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        builder.setXMLFilter(new DepthGuard(MAX_DEPTH));
        try {
            return builder.build(new StringReader(xml));
        } catch (JDOMParseException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooDeepException deep) {
                throw new FeedParseException(deep.getMessage(), e.getLineNumber(), e.getColumnNumber(), e);
            }
            String message = cause instanceof SAXParseException sax ? sax.getMessage() : e.getMessage();
            String kind = message != null && message.contains("is not bound") ? "namespace error: " : "malformed XML: ";
            throw new FeedParseException(kind + firstLine(message), e.getLineNumber(), e.getColumnNumber(), e);
        } catch (JDOMException e) {
            throw new FeedParseException("malformed XML: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new FeedParseException("cannot read the document: " + e.getMessage());
        }
    }

    private static Set<String> unboundPrefixes(FeedParseException e) {
        Set<String> prefixes = new LinkedHashSet<>();
        if (e.getMessage() != null) {
            Matcher m = UNBOUND.matcher(e.getMessage());
            while (m.find()) {
                prefixes.add(m.group(1));
            }
        }
        return prefixes;
    }

    // declares every well-known prefix the document uses but does not declare, on the root element
    private static String declarePrefixes(String xml, Set<String> firstUnbound) {
        int rootAt = rootElementStart(xml);
        Matcher root = ROOT.matcher(xml);
        if (rootAt < 0 || !root.find(rootAt)) {
            return xml;
        }
        StringBuilder declarations = new StringBuilder();
        for (Map.Entry<String, String> known : KNOWN_PREFIXES.entrySet()) {
            String prefix = known.getKey();
            boolean used = firstUnbound.contains(prefix) || xml.contains("<" + prefix + ":");
            if (used && !xml.contains("xmlns:" + prefix + "=")) {
                declarations.append(" xmlns:").append(prefix).append("=\"").append(known.getValue()).append('"');
            }
        }
        return xml.substring(0, root.end()) + declarations + xml.substring(root.end());
    }

    // index of the root element's '<', skipping the declaration, comments, processing instructions and DOCTYPE
    private static int rootElementStart(String xml) {
        int i = 0;
        while (i < xml.length()) {
            int lt = xml.indexOf('<', i);
            if (lt < 0 || lt + 1 >= xml.length()) {
                return -1;
            }
            char next = xml.charAt(lt + 1);
            if (next == '?') {
                int end = xml.indexOf("?>", lt);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (xml.startsWith("<!--", lt)) {
                int end = xml.indexOf("-->", lt);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else if (next == '!') {
                int end = doctypeEnd(xml, lt);
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else {
                return lt;
            }
        }
        return -1;
    }

    private static int doctypeEnd(String xml, int from) {
        int bracket = 0;
        for (int i = from; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (c == '>' && bracket <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    // &eacute; and friends are common in old feeds but undefined in XML without a DTD
    private static String htmlEntitiesAsReferences(String xml) {
        if (xml.indexOf('&') < 0) {
            return xml;
        }
        Matcher m = NAMED_ENTITY.matcher(xml);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String name = m.group(1);
            if (XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name)) {
                continue;
            }
            String chars = Entities.getByName(name);
            if (chars.isEmpty()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(xml.length());
            }
            out.append(xml, last, m.start());
            for (int cp : chars.codePoints().toArray()) {
                out.append("&#").append(cp).append(';');
            }
            last = m.end();
        }
        if (out == null) {
            return xml;
        }
        out.append(xml, last, xml.length());
        return out.toString();
    }

    // characters XML 1.0 forbids: C0 controls except tab/CR/LF, unpaired surrogates, U+FFFE/U+FFFF
    private static String withoutIllegalChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean legal;
            if (Character.isHighSurrogate(c)) {
                legal = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (legal) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                legal = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                        && c != 0xFFFE && c != 0xFFFF;
            }
            if (!legal && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            } else if (legal && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    /** Thrown by the depth guard; a SAXException so the parser stops at once. */
    static final class TooDeepException extends SAXException {
        private static final long serialVersionUID = 1L;

        TooDeepException(int max) {
            super("nesting deeper than " + max + " elements");
        }
    }

    /** Counts open elements and stops the parse when they nest too deep. */
    static final class DepthGuard extends XMLFilterImpl {
        private final int max;
        private int depth;

        DepthGuard(int max) {
            this.max = max;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (++depth > max) {
                throw new TooDeepException(max);
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            super.endElement(uri, localName, qName);
        }
    }
}
