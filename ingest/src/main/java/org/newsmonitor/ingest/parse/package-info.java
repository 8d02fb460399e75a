/**
 * Feed parsing that survives what real and hostile feeds contain. Bytes are decoded by {@link
 * org.newsmonitor.ingest.parse.CharsetSniffer} (BOM, then the HTTP charset, then the XML declaration; GBK and
 * Cyrillic code pages included), prepared by {@link org.newsmonitor.ingest.parse.SafeXmlReader} (no DOCTYPE except the
 * public RSS 0.91 one, no external entities, a depth guard, HTML named entities turned into characters) and then
 * read by Rome. Markup in titles and descriptions becomes clean text through jsoup ({@link
 * org.newsmonitor.ingest.parse.HtmlText}).
 *
 * <p>Every failure is a {@link org.newsmonitor.ingest.parse.FeedParseException} with a one-line reason and, when
 * known, the line and column.
 */
package org.newsmonitor.ingest.parse;
