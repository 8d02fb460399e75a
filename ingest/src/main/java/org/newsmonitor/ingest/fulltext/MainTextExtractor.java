package org.newsmonitor.ingest.fulltext;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.newsmonitor.ingest.normalize.TextCleaner;
import org.newsmonitor.ingest.parse.HtmlText;

/**
 * Finds the article body on a news page, among navigation, related links, comments, cookie banners and paywall
 * boxes, and returns its text. In this order:
 * <ol>
 * <li>the feed's own CSS selector, when it has one and it matches text;</li>
 * <li>schema.org {@code articleBody} markup;</li>
 * <li>otherwise, readability-style: with the page's furniture removed (navigation, header, footer, aside, forms,
 * scripts, hidden elements, and elements whose class or id names them: menu, related, comments, cookie, consent,
 * paywall, subscribe, share, advert, ...), every paragraph scores its parent (and half its grandparent) by its
 * length and punctuation; the score is weighed down by the share of link text and moved up or down by the
 * element's class and id (article, story, content, body... up; comment, sidebar, promo... down); the best-scoring
 * block is the body.</li>
 * </ol>
 * Pages nested deeper than {@value #MAX_DEPTH} or with more than {@value #MAX_ELEMENTS} elements are refused
 * ({@link HostilePageException}) before any of this. Pure: works on a parsed document, no I/O; the document is not
 * changed.
 */
public final class MainTextExtractor {
    /** Deepest element nesting read. */
    public static final int MAX_DEPTH = 400;
    /** Most elements read. */
    public static final int MAX_ELEMENTS = 60_000;

    private static final String FURNITURE = "script, style, noscript, iframe, object, embed, template, svg, canvas, "
            + "form, button, input, select, textarea, nav, aside, footer, header, menu, dialog, "
            + "[role=navigation], [role=banner], [role=complementary], [role=contentinfo], [role=dialog], "
            + "[role=alertdialog], [aria-hidden=true], [hidden]";
    private static final Set<String> NEGATIVE = Set.of("nav", "navbar", "menu", "breadcrumb", "breadcrumbs",
            "sidebar", "related", "recommended", "recommendations", "more", "popular", "trending", "comment",
            "comments", "discussion", "reply", "replies", "cookie", "cookies", "consent", "gdpr", "banner", "paywall",
            "subscribe", "subscription", "newsletter", "signup", "login", "share", "sharing", "social", "promo",
            "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "widget", "footer", "header", "masthead",
            "tags", "teaser", "teasers", "outbrain", "taboola", "modal", "popup", "overlay");
    private static final Set<String> POSITIVE = Set.of("article", "story", "content", "body", "text", "post", "entry",
            "main", "news", "articlebody", "article_body", "detail", "fulltext", "zoom");
    private static final Pattern TOKENS = Pattern.compile("[\\s_\\-]+|(?<=[a-z])(?=[A-Z])");
    private static final Pattern PUNCTUATION = Pattern.compile("[,，、。.;；!?！？]");
    private static final int MIN_PARAGRAPH = 25;
    private static final int MIN_CJK_PARAGRAPH = 10;

    private MainTextExtractor() {
    }

    /**
     * The article body's text.
     *
     * @param page     the parsed page; never null; not changed
     * @param selector the feed's CSS selector for the body; null for none
     * @return the text and how it was found; {@link MainText#NONE} when the page has no body text
     * @throws HostilePageException when the page is nested too deep or has too many elements
     */
    public static MainText extract(Document page, String selector) throws HostilePageException {
        checkShape(page);
        Element body = page.body();
        if (body == null) {
            return MainText.NONE;
        }
        if (selector != null) {
            MainText chosen = bySelector(page, selector);
            if (chosen != null) {
                return chosen;
            }
        }
        Element work = body.clone();
        removeFurniture(work);
        Element articleBody = work.selectFirst("[itemprop=articleBody]");
        if (articleBody != null) {
            String text = text(articleBody);
            if (!text.isBlank()) {
                return new MainText(text, "article-body");
            }
        }
        Element best = bestBlock(work);
        if (best == null) {
            best = firstOf(work.selectFirst("article"), work.selectFirst("main"), work);
        }
        String text = text(best);
        return text.isBlank() ? MainText.NONE : new MainText(text, "scored");
    }

    /**
     * The article text of an archived page, as the archive replay reads it: the same steps as
     * {@link #extract(Document, String)} without a selector; on a hostile page, no text.
     */
    public static String articleText(Document page) {
        try {
            return extract(page, null).text();
        } catch (HostilePageException e) {
            return "";
        }
    }

    private static MainText bySelector(Document page, String selector) {
        Elements picked = page.select(selector);
        StringBuilder out = new StringBuilder();
        for (Element e : picked) {
            Element copy = e.clone();
            removeFurniture(copy);
            String text = text(copy);
            if (!text.isBlank()) {
                out.append(out.length() == 0 ? "" : "\n\n").append(text);
            }
        }
        return out.length() == 0 ? null : new MainText(out.toString(), "selector");
    }

    private static void checkShape(Document page) throws HostilePageException {
        int[] elements = {0};
        int[] deepest = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element) {
                    elements[0]++;
                    deepest[0] = Math.max(deepest[0], depth);
                }
            }
        }, page);
        if (deepest[0] > MAX_DEPTH) {
            throw new HostilePageException("elements nested " + deepest[0] + " deep (at most " + MAX_DEPTH + " read)");
        }
        if (elements[0] > MAX_ELEMENTS) {
            throw new HostilePageException(elements[0] + " elements (at most " + MAX_ELEMENTS + " read)");
        }
    }

    private static void removeFurniture(Element root) {
        root.select(FURNITURE).remove();
        int whole = root.text().length();
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || e == root) {
                    return FilterResult.CONTINUE;
                }
                if (hidden(e) || hint(e) < 0 && !holdsTheArticle(e, whole)) {
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
    }

    private static boolean hidden(Element e) {
        return e.hasAttr("style") && e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "").contains("display:none");
    }

    // a wrapper named after furniture ("page has-sidebar") that still holds the article is kept
    private static boolean holdsTheArticle(Element e, int whole) {
        return e.is("article, main, [itemprop=articleBody]")
                || e.selectFirst("article, main, [itemprop=articleBody]") != null
                || whole > 0 && e.text().length() * 2 > whole;
    }

    private static Element bestBlock(Element root) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : root.select("p, pre, blockquote, td, div:not(:has(p, div, section, article, table, ul))")) {
            String text = p.text();
            int length = text.codePointCount(0, text.length());
            boolean cjk = TeaserRule.mostlyCjk(text);
            if (length < (cjk ? MIN_CJK_PARAGRAPH : MIN_PARAGRAPH) || linkDensity(p, length) > 0.5) {
                continue;
            }
            double score = 1 + Math.min(PUNCTUATION.matcher(text).results().count(), 10)
                    + Math.min(length / (cjk ? 40.0 : 100.0), 3);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            String text = el.text();
            double score = (e.getValue() + hint(el) * 25 + tagWeight(el))
                    * (1 - linkDensity(el, text.codePointCount(0, text.length())));
            if (score > bestScore) {
                best = el;
                bestScore = score;
            }
        }
        return best;
    }

    private static double linkDensity(Element e, int length) {
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            String t = a.text();
            links += t.codePointCount(0, t.length());
        }
        return Math.min(1.0, (double) links / length);
    }

    // -1 for furniture names, +1 for body names, 0 otherwise; the negative wins
    static int hint(Element e) {
        String names = e.className() + " " + e.id();
        if (names.isBlank()) {
            return 0;
        }
        boolean positive = false;
        for (String token : TOKENS.split(names.strip())) {
            String t = token.toLowerCase(Locale.ROOT);
            if (NEGATIVE.contains(t)) {
                return -1;
            }
            positive |= POSITIVE.contains(t);
        }
        return positive ? 1 : 0;
    }

    private static double tagWeight(Element e) {
        return switch (e.normalName()) {
            case "article" -> 10;
            case "main", "div", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ul", "ol", "li", "dl", "dd", "dt", "form" -> -3;
            case "body" -> -5;
            default -> 0;
        };
    }

    private static String text(Element e) {
        return TextCleaner.clean(HtmlText.blockText(e.clone()));
    }

    private static Element firstOf(Element... elements) {
        for (Element e : elements) {
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
