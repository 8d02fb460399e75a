package org.newsmonitor.ingest.parse;

/**
 * Names of the repairs made to a feed that a strict XML parser would have refused, or whose charset nothing declared.
 * A feed read with any of them is "recovered": its articles say so ({@code recovered: true} on the article and
 * {@code recovered} plus {@code recovered:<reason>} in the ingest flags), so a reader can tell a guess from the text
 * the publisher sent.
 */
public final class Recovery {
    /** A {@code &} that starts no reference (as in {@code ?a=1&b=2} or "Tom & Jerry") was read as a literal {@code &}. */
    public static final String BARE_AMPERSAND = "bare-ampersand";
    /** A named reference that neither XML nor HTML defines ({@code &foo;}) was kept as literal text. */
    public static final String UNKNOWN_ENTITY = "unknown-entity";
    /** HTML named entities ({@code &nbsp;}, {@code &laquo;}, {@code &mdash;}…), undefined in XML, were decoded. */
    public static final String HTML_ENTITIES = "html-entities";
    /**
     * A character reference to a character XML forbids was dropped ({@code &#0;}, {@code &#7;}) or, for a surrogate
     * or a number beyond Unicode, replaced by U+FFFD.
     */
    public static final String INVALID_CHARACTER_REFERENCE = "invalid-character-reference";
    /** A namespace prefix used without a declaration ({@code itunes:}, {@code media:}, others) was declared. */
    public static final String UNDECLARED_PREFIX = "undeclared-prefix";
    /** Whitespace, a processing instruction or other markup stood before the XML declaration. */
    public static final String MISPLACED_XML_DECLARATION = "misplaced-xml-declaration";
    /** A CDATA section was still open at the end of the document; it and the open elements were closed. */
    public static final String UNCLOSED_CDATA = "unclosed-cdata";
    /**
     * End tags did not match the open elements: a stray end tag was dropped, elements left open inside a closed one
     * were closed, or the last end tag's {@code >} was restored.
     */
    public static final String UNBALANCED_TAGS = "unbalanced-tags";
    /** A DOCTYPE without an internal subset was ignored; its DTD was not read. */
    public static final String DOCTYPE_IGNORED = "doctype-ignored";
    /** Nothing declared the charset and the bytes were not UTF-8; the charset was detected from the bytes. */
    public static final String CHARSET_DETECTED = "charset-detected";

    private Recovery() {
    }
}
