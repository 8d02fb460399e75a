/**
 * Articles entering the stream application: reading the raw records of {@code news-articles} (bad ones become dead
 * letters), de-duplicating by article id over a bounded retention, and preparing the text for matching (over-long
 * fields cut, empty articles skipped with a reason).
 */
package org.newsmonitor.stream.article;
