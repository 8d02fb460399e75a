package org.newsmonitor.ingest.parse;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.newsmonitor.ingest.normalize.TextCleaner;

/**
 * Turns the HTML found in titles, descriptions and article pages into plain text for matching: tags removed, entities
 * decoded, scripts and styles dropped, paragraphs kept as line breaks. jsoup walks the tree without recursion, so
 * deeply nested markup cannot overflow the stack.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "tr", "table", "section", "article", "header", "footer", "figure",
            "figcaption", "hr", "dd", "dt");
    private static final String DROPPED = "script, style, noscript, iframe, object, embed, template, svg, form, button";

    private HtmlText() {
    }

    /**
     * Plain text of an HTML fragment, or of plain text with entities.
     *
     * @param html markup or text; may be null
     * @return clean text with paragraph breaks; null only when {@code html} is null
     */
    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return TextCleaner.clean(html);
        }
        Document doc = Jsoup.parseBodyFragment(html);
        return TextCleaner.clean(blockText(doc.body()));
    }

    /** Plain text on one line: for titles. */
    public static String toLine(String html) {
        String text = toText(html);
        return text == null ? null : TextCleaner.oneLine(text);
    }

    /**
     * Text of an element with block elements separated by line breaks; script-like elements are removed first.
     *
     * @param root element to read; never null
     * @return the text, not yet cleaned; never null
     */
    public static String blockText(Element root) {
        root.select(DROPPED).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replace('\n', ' ').replace('\r', ' '));
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        }, root);
        return out.toString();
    }
}
