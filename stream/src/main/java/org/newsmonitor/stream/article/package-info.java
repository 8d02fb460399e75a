/**
 * Articles entering the stream application: reading the raw records of {@code news-articles} (bad ones become dead
 * letters) and de-duplicating by article id over a bounded retention; the text is prepared for matching by
 * {@link org.newsmonitor.matching.ArticleText}.
 */
package org.newsmonitor.stream.article;
