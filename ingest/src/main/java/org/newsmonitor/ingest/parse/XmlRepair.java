package org.newsmonitor.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Entities;

/**
 * Repairs the ill-formed markup that real feeds are full of, the way lenient feed readers do, in one pass over the
 * text and without recursion (CDATA sections, comments and processing instructions are copied untouched):
 * <ul>
 *   <li>a {@code &} that starts no reference becomes {@code &amp;}, and so does the {@code &} of a named reference
 *       that neither XML nor HTML defines;</li>
 *   <li>HTML named entities ({@code &nbsp;}, {@code &laquo;}…, all of HTML5's, from jsoup's table) become character
 *       references;</li>
 *   <li>character references to characters XML forbids are dropped (controls) or become U+FFFD (surrogates and
 *       numbers beyond Unicode);</li>
 *   <li>an XML declaration that is not at the start is removed (the charset was chosen before);</li>
 *   <li>namespace prefixes used but declared nowhere are declared on the root element: well-known ones with their
 *       real namespace, others with a placeholder {@code urn:x-undeclared-prefix:NAME};</li>
 *   <li>an end tag that closes nothing open is dropped; one that closes an element with others still open inside
 *       closes those first; the last end tag gets back a lost {@code >};</li>
 *   <li>a CDATA section open at the end of the document is closed, and so are the elements open around it.</li>
 * </ul>
 * What was repaired is reported with the {@link Recovery} names. A document the parser accepts as it is comes out
 * unchanged.
 */
final class XmlRepair {
    /** Namespaces of prefixes that feeds commonly use without declaring them. */
    static final Map<String, String> KNOWN_PREFIXES = Map.ofEntries(
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
    /** Namespace given to an unknown prefix nobody declared. */
    static final String PLACEHOLDER_NAMESPACE = "urn:x-undeclared-prefix:";
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final int LONGEST_ENTITY_NAME = 40;
    /** Open elements tracked by name; deeper ones are only counted (the parser refuses them anyway). */
    private static final int TRACKED_DEPTH = SafeXmlReader.MAX_DEPTH + 1;
    /** How far down the open elements an end tag's name is looked for. */
    private static final int END_TAG_SEARCH = 32;

    private final String in;
    private final StringBuilder out;
    private final Set<String> reasons = new LinkedHashSet<>();
    private final List<String> open = new ArrayList<>();
    private int untracked;
    private final Set<String> usedPrefixes = new TreeSet<>();
    private final Set<String> declaredPrefixes = new LinkedHashSet<>();
    private int rootNameEnd = -1;
    private int pos;

    private XmlRepair(String in) {
        this.in = in;
        this.out = new StringBuilder(in.length() + 64);
    }

    /** The repaired text and what was repaired. */
    record Result(String xml, Set<String> reasons) {
    }

    /**
     * Repairs a document.
     *
     * @param xml document text starting with markup, DOCTYPE already removed; never null
     * @return the repaired text and the {@link Recovery} names of what was repaired; never null
     */
    static Result repair(String xml) {
        XmlRepair repair = new XmlRepair(xml);
        repair.run();
        return new Result(repair.out.toString(), Set.copyOf(repair.reasons));
    }

    private void run() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == '&') {
                reference();
            } else if (c == '<') {
                markup();
            } else {
                out.append(c);
                pos++;
            }
        }
        declareMissingPrefixes();
    }

    private void markup() {
        if (in.startsWith("<![CDATA[", pos)) {
            int end = in.indexOf("]]>", pos + 9);
            if (end < 0) {
                out.append(in, pos, in.length()).append("]]>");
                for (int i = open.size() - 1; i >= 0; i--) {
                    out.append("</").append(open.get(i)).append('>');
                }
                open.clear();
                reasons.add(Recovery.UNCLOSED_CDATA);
                pos = in.length();
            } else {
                copyThrough(end + 3);
            }
        } else if (in.startsWith("<!--", pos)) {
            copyUntil("-->");
        } else if (in.startsWith("<?", pos)) {
            processingInstruction();
        } else if (in.startsWith("</", pos)) {
            endTag();
        } else if (pos + 1 < in.length() && isNameStart(in.charAt(pos + 1))) {
            startTag();
        } else {
            out.append('<');
            pos++;
        }
    }

    private void processingInstruction() {
        int end = in.indexOf("?>", pos);
        boolean declaration = in.startsWith("<?xml", pos) && pos + 5 < in.length()
                && Character.isWhitespace(in.charAt(pos + 5));
        if (declaration && pos > 0 && end >= 0) {
            reasons.add(Recovery.MISPLACED_XML_DECLARATION);
            pos = end + 2;
            return;
        }
        copyUntil("?>");
    }

    private void endTag() {
        int nameEnd = nameEnd(pos + 2);
        String name = in.substring(pos + 2, nameEnd);
        int close = in.indexOf('>', nameEnd);
        if (close < 0 && in.substring(nameEnd).isBlank()) {
            // the last end tag lost its '>'
            reasons.add(Recovery.UNBALANCED_TAGS);
            out.append("</").append(name).append('>');
            pos = in.length();
            return;
        }
        if (untracked > 0) {
            untracked--;
            copyUntil(">");
            return;
        }
        int match = -1;
        for (int i = open.size() - 1; i >= Math.max(0, open.size() - END_TAG_SEARCH); i--) {
            if (open.get(i).equals(name)) {
                match = i;
                break;
            }
        }
        if (match < 0 && close >= 0) {
            // an end tag that closes nothing open is dropped
            reasons.add(Recovery.UNBALANCED_TAGS);
            pos = close + 1;
            return;
        }
        if (match >= 0) {
            for (int i = open.size() - 1; i > match; i--) {
                out.append("</").append(open.get(i)).append('>');
                reasons.add(Recovery.UNBALANCED_TAGS);
            }
            open.subList(match, open.size()).clear();
        }
        copyUntil(">");
    }

    private void startTag() {
        int nameEnd = nameEnd(pos + 1);
        String name = in.substring(pos + 1, nameEnd);
        notePrefix(name);
        out.append(in, pos, nameEnd);
        if (rootNameEnd < 0) {
            rootNameEnd = out.length();
        }
        pos = nameEnd;
        char quote = 0;
        int attributeStart = -1;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '&') {
                    reference();
                    continue;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                boolean selfClosing = out.length() > 0 && out.charAt(out.length() - 1) == '/';
                out.append('>');
                pos++;
                if (selfClosing) {
                    return;
                }
                if (open.size() < TRACKED_DEPTH) {
                    open.add(name);
                } else {
                    untracked++;
                }
                return;
            } else if (isNameStart(c) && attributeStart < 0) {
                attributeStart = pos;
            } else if ((c == '=' || Character.isWhitespace(c)) && attributeStart >= 0) {
                attribute(in.substring(attributeStart, pos));
                attributeStart = -1;
            }
            out.append(c);
            pos++;
        }
    }

    private void attribute(String name) {
        if (name.startsWith("xmlns:")) {
            declaredPrefixes.add(name.substring(6));
        } else {
            notePrefix(name);
        }
    }

    private void notePrefix(String name) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            usedPrefixes.add(name.substring(0, colon));
        }
    }

    private void reference() {
        int semicolon = -1;
        for (int i = pos + 1; i < in.length() && i <= pos + LONGEST_ENTITY_NAME + 2; i++) {
            char c = in.charAt(i);
            if (c == ';') {
                semicolon = i;
                break;
            }
            if (!Character.isLetterOrDigit(c) && c != '#') {
                break;
            }
        }
        String body = semicolon < 0 ? null : in.substring(pos + 1, semicolon);
        if (body == null || body.isEmpty()) {
            bareAmpersand(Recovery.BARE_AMPERSAND);
        } else if (body.charAt(0) == '#') {
            characterReference(body, semicolon);
        } else if (XML_ENTITIES.contains(body)) {
            out.append(in, pos, semicolon + 1);
            pos = semicolon + 1;
        } else if (Entities.isNamedEntity(body) && !Entities.getByName(body).isEmpty()) {
            Entities.getByName(body).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
            reasons.add(Recovery.HTML_ENTITIES);
            pos = semicolon + 1;
        } else {
            bareAmpersand(isName(body) ? Recovery.UNKNOWN_ENTITY : Recovery.BARE_AMPERSAND);
        }
    }

    private void characterReference(String body, int semicolon) {
        int codePoint = codePoint(body);
        if (codePoint == -2) {
            bareAmpersand(Recovery.BARE_AMPERSAND);
            return;
        }
        if (codePoint == -1 || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            out.append("&#xFFFD;");
            reasons.add(Recovery.INVALID_CHARACTER_REFERENCE);
        } else if (!isXmlChar(codePoint)) {
            reasons.add(Recovery.INVALID_CHARACTER_REFERENCE);
        } else {
            out.append(in, pos, semicolon + 1);
        }
        pos = semicolon + 1;
    }

    // the code point of "#123" or "#x1F"; -1 when out of range, -2 when not a character reference at all
    private static int codePoint(String body) {
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        String digits = body.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 8) {
            return digits.isEmpty() ? -2 : -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), hex ? 16 : 10) < 0) {
                return -2;
            }
        }
        long value = Long.parseLong(digits, hex ? 16 : 10);
        return value > Character.MAX_CODE_POINT ? -1 : (int) value;
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private void bareAmpersand(String reason) {
        out.append("&amp;");
        reasons.add(reason);
        pos++;
    }

    private void declareMissingPrefixes() {
        if (rootNameEnd < 0) {
            return;
        }
        StringBuilder declarations = new StringBuilder();
        for (String prefix : usedPrefixes) {
            if (prefix.equals("xml") || prefix.equals("xmlns") || declaredPrefixes.contains(prefix)) {
                continue;
            }
            String namespace = KNOWN_PREFIXES.getOrDefault(prefix, PLACEHOLDER_NAMESPACE + prefix);
            declarations.append(" xmlns:").append(prefix).append("=\"").append(namespace).append('"');
        }
        if (!declarations.isEmpty()) {
            out.insert(rootNameEnd, declarations);
            reasons.add(Recovery.UNDECLARED_PREFIX);
        }
    }

    private void copyUntil(String terminator) {
        int end = in.indexOf(terminator, pos);
        copyThrough(end < 0 ? in.length() : end + terminator.length());
    }

    private void copyThrough(int end) {
        out.append(in, pos, end);
        pos = end;
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < in.length() && isNameChar(in.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(c -> isNameChar((char) c));
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }
}
