package org.newsmonitor.themes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the items of an RSS or Atom feed as {@link Document}s, with the JDK's XML parser configured for untrusted
 * input: no DOCTYPE, no external entities or DTDs, no XInclude.
 */
final class FeedItems {

    /** A feed that cannot be read, with the line where the parser stopped (0 when unknown). */
    static final class FeedException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        FeedException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private FeedItems() {
    }

    /** The items (RSS {@code item}, Atom {@code entry}) of a feed, in document order. */
    static List<Document> read(InputStream in, String origin) throws FeedException, IOException {
        org.w3c.dom.Document xml;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            xml = builder.parse(in);
        } catch (SAXParseException e) {
            throw new FeedException("not a readable feed: " + e.getMessage(), e.getLineNumber());
        } catch (SAXException | ParserConfigurationException e) {
            throw new FeedException("not a readable feed: " + e.getMessage(), 0);
        }
        List<Document> docs = new ArrayList<>();
        collect(xml.getDocumentElement(), origin, docs);
        return docs;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static void collect(Element e, String origin, List<Document> out) {
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        if (name.equals("item") || name.equals("entry")) {
            out.add(toDocument(e, origin, out.size() + 1));
            return;
        }
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element child) {
                collect(child, origin, out);
            }
        }
    }

    private static Document toDocument(Element item, String origin, int number) {
        String title = "";
        String summary = "";
        String content = "";
        String link = "";
        String guid = "";
        NodeList kids = item.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            Node n = kids.item(i);
            if (!(n instanceof Element child)) {
                continue;
            }
            String name = child.getLocalName() == null ? child.getNodeName() : child.getLocalName();
            String text = child.getTextContent() == null ? "" : child.getTextContent().strip();
            switch (name) {
                case "title" -> title = plain(text);
                case "description", "summary" -> summary = plain(text);
                case "encoded", "content" -> content = plain(text);
                case "guid", "id" -> guid = text;
                case "link" -> {
                    String href = child.getAttribute("href");
                    if (link.isEmpty() || "alternate".equals(child.getAttribute("rel"))) {
                        link = href.isEmpty() ? text : href;
                    }
                }
                default -> { }
            }
        }
        String id = !guid.isEmpty() ? guid : !link.isEmpty() ? link : origin + "#" + number;
        return new Document(id, title, summary, content.isEmpty() ? null : content, null);
    }

    // feed descriptions often carry HTML: keep the words
    private static String plain(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        return text.replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'")
                .replaceAll("\\s+", " ").strip();
    }
}
