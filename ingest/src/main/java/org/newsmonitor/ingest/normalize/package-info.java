/**
 * Normalisation of parsed feed items into {@link org.newsmonitor.contracts.event.ArticleEvent} records: canonical
 * URLs without tracking parameters, stable article ids, publication times that do not depend on the machine's zone,
 * clean text and size limits that keep every record well under Kafka's 1 MiB request size, and a language for every
 * article whose text tells it ({@link org.newsmonitor.ingest.normalize.LanguageGuess}), declared or detected. Articles
 * from archives get the same cleaning ({@link org.newsmonitor.ingest.normalize.ArticleMapper#normalize}).
 *
 * <p>Everything here is pure: no I/O, no clocks other than the instants passed in.
 */
package org.newsmonitor.ingest.normalize;
