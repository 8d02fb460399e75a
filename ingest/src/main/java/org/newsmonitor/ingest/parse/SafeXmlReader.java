package org.newsmonitor.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads untrusted XML text into a JDOM document that Rome can map, repairing what lenient feed readers repair
 * ({@link XmlRepair}) and refusing what could hurt the monitor:
 * <ul>
 *   <li>a DOCTYPE with an internal subset, or one that names its DTD by a system identifier only, is refused
 *       ("DOCTYPE not allowed"), so no external entity is ever resolved and no entity can expand; a DOCTYPE with a
 *       public identifier and no internal subset (RSS 0.91's Netscape one, and the like) is removed unread;</li>
 *   <li>nesting deeper than {@link #MAX_DEPTH} elements is refused before the tree grows (no StackOverflowError in
 *       Rome's recursive mapping);</li>
 *   <li>HTML and XHTML pages are told apart from feeds ("not a feed (HTML page)").</li>
 * </ul>
 */
public final class SafeXmlReader {
    /** Deepest element nesting accepted; real feeds stay under 20. */
    public static final int MAX_DEPTH = 256;

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+([^\\s>\\[]+)([^>\\[]*)(\\[)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PUBLIC_ID = Pattern.compile(
            "\\s*(?:PUBLIC\\s+(?:\"[^\"]*\"|'[^']*')(?:\\s+(?:\"[^\"]*\"|'[^']*'))?)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private SafeXmlReader() {
    }

    /**
     * A document and the repairs it needed.
     *
     * @param document   the document; never null
     * @param recoveries {@link Recovery} names of what was repaired; empty for a well-formed feed
     */
    public record Result(Document document, Set<String> recoveries) {
        public Result {
            recoveries = Set.copyOf(recoveries);
        }
    }

    /**
     * Parses feed text.
     *
     * @param text decoded document text; never null
     * @return the document and what was repaired; never null
     * @throws FeedParseException with a one-line reason (and line/column when the XML is malformed)
     */
    public static Result read(String text) throws FeedParseException {
        XmlRepair.Result prepared = prepare(text);
        return new Result(parse(prepared.xml()), prepared.reasons());
    }

    /** Cleans and repairs the text and rejects non-feeds before any XML parser sees it. */
    static XmlRepair.Result prepare(String text) throws FeedParseException {
        String cleaned = withoutIllegalChars(text);
        String xml = cleaned.strip();
        if (xml.isEmpty()) {
            throw new FeedParseException("empty document");
        }
        if (xml.charAt(0) != '<') {
            throw new FeedParseException("not a feed (the document does not start with XML markup)");
        }
        Set<String> reasons = new LinkedHashSet<>();
        if (xml.startsWith("<?xml") && !cleaned.startsWith(xml)) {
            reasons.add(Recovery.MISPLACED_XML_DECLARATION);
        }
        int rootAt = rootElementStart(xml);
        String prolog = rootAt < 0 ? xml : xml.substring(0, rootAt);
        Matcher doctype = DOCTYPE.matcher(prolog);
        if (doctype.find()) {
            if (doctype.group(1).toLowerCase(Locale.ROOT).equals("html") && !feedRoot(xml, rootAt)) {
                throw new FeedParseException("not a feed (HTML page)");
            }
            if (doctype.group(3) != null) {
                throw new FeedParseException("DOCTYPE not allowed (an internal subset can declare external or "
                        + "expanding entities; feeds are read without document type definitions)");
            }
            if (!PUBLIC_ID.matcher(doctype.group(2)).matches()) {
                throw new FeedParseException("DOCTYPE not allowed (it names its DTD by a system identifier only; "
                        + "feeds are read without document type definitions)");
            }
            int end = doctypeEnd(xml, doctype.start());
            xml = xml.substring(0, doctype.start()) + xml.substring(end < 0 ? xml.length() : end);
            reasons.add(Recovery.DOCTYPE_IGNORED);
            rootAt = rootElementStart(xml);
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
        XmlRepair.Result repaired = XmlRepair.repair(xml);
        reasons.addAll(repaired.reasons());
        return new XmlRepair.Result(repaired.xml(), reasons);
    }

    // true when the root element is rss, feed or rdf:RDF (a feed behind a copied HTML DOCTYPE)
    private static boolean feedRoot(String xml, int rootAt) {
        Matcher root = ROOT.matcher(xml);
        if (rootAt < 0 || !root.find(rootAt)) {
            return false;
        }
        String name = root.group(1);
        String local = name.substring(name.indexOf(':') + 1);
        return local.equals("rss") || local.equals("feed") || local.equals("RDF");
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
                throw new FeedParseException(deep.getMessage(), deep.line, deep.column, e);
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
        final int line;
        final int column;

        TooDeepException(int max, Locator at) {
            super("nesting deeper than " + max + " elements");
            this.line = at == null ? -1 : at.getLineNumber();
            this.column = at == null ? -1 : at.getColumnNumber();
        }
    }

    /** Counts open elements and stops the parse when they nest too deep. */
    static final class DepthGuard extends XMLFilterImpl {
        private final int max;
        private int depth;
        private Locator locator;

        DepthGuard(int max) {
            this.max = max;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            super.setDocumentLocator(locator);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (++depth > max) {
                throw new TooDeepException(max, locator);
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
