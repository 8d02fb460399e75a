/**
 * Feed parsing that survives what real and hostile feeds contain. {@link org.newsmonitor.ingest.parse.FeedParser} is
 * the one entry point (bytes, an optional declared charset, a source name) shared by the poller, replay and offline
 * matching; it refuses documents over the size cap. Bytes are decoded by {@link
 * org.newsmonitor.ingest.parse.CharsetSniffer} (BOM, then the declared charset, then the XML declaration, then UTF-8,
 * and a detector when nothing declares a charset and the bytes are not UTF-8), prepared by {@link
 * org.newsmonitor.ingest.parse.SafeXmlReader} (no internal DTD subset, no external entities, a depth guard, HTML pages
 * told apart) and repaired by {@link org.newsmonitor.ingest.parse.XmlRepair} (bare ampersands, HTML entities,
 * undeclared prefixes, a misplaced XML declaration, an unclosed CDATA section; each named in {@link
 * org.newsmonitor.ingest.parse.Recovery}), then read by Rome. Markup in titles and descriptions becomes clean text
 * through jsoup ({@link org.newsmonitor.ingest.parse.HtmlText}).
 *
 * <p>Every failure is a {@link org.newsmonitor.ingest.parse.FeedParseException} with a one-line reason and, when
 * known, the line and column.
 */
package org.newsmonitor.ingest.parse;
