package org.newsmonitor.alerts.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.newsmonitor.contracts.event.ArticleEvent;

/** How an article is laid out in the index, and read back. */
public final class ArticleFields {
    /** Article id: exact term, stored, and the tie-break of every sort. */
    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String CONTENT = "content";
    /** Source name as published (stored) and lower-cased (searched). */
    public static final String SOURCE = "source";
    public static final String SOURCE_KEY = "source_key";
    /** Language tag as published (stored) and lower-cased (searched). */
    public static final String LANGUAGE = "language";
    public static final String LANGUAGE_KEY = "language_key";
    /** Publication time in epoch milliseconds: points for ranges, doc values for sorting, stored. */
    public static final String PUBLISHED = "published";
    private static final String URL = "url";
    private static final String FEED = "feed";
    private static final String FETCHED = "fetched";
    private static final FieldType TEXT = text();

    private ArticleFields() {
    }

    private static FieldType text() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** The index document of {@code article}. */
    public static Document toDocument(ArticleEvent article) {
        Document d = new Document();
        d.add(new StringField(ID, article.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(article.id())));
        d.add(new Field(TITLE, article.title(), TEXT));
        d.add(new Field(SUMMARY, article.summary(), TEXT));
        if (article.content() != null) {
            d.add(new Field(CONTENT, article.content(), TEXT));
        }
        d.add(new StoredField(SOURCE, article.source()));
        d.add(new StringField(SOURCE_KEY, key(article.source()), Field.Store.NO));
        if (article.language() != null) {
            d.add(new StoredField(LANGUAGE, article.language()));
            d.add(new StringField(LANGUAGE_KEY, key(article.language()), Field.Store.NO));
        }
        long published = article.publishedAt().toEpochMilli();
        d.add(new LongPoint(PUBLISHED, published));
        d.add(new NumericDocValuesField(PUBLISHED, published));
        d.add(new StoredField(PUBLISHED, published));
        if (article.url() != null) {
            d.add(new StoredField(URL, article.url()));
        }
        d.add(new StoredField(FEED, article.feedId()));
        d.add(new StoredField(FETCHED, article.fetchedAt().toEpochMilli()));
        return d;
    }

    /** The article a stored document holds (tags and language source are not kept). */
    public static ArticleEvent toArticle(Document d) {
        return ArticleEvent.of(d.get(ID), d.get(FEED), d.get(SOURCE), d.get(URL), d.get(TITLE), d.get(SUMMARY),
                d.get(CONTENT), d.get(LANGUAGE), Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()),
                Instant.ofEpochMilli(d.getField(FETCHED).numericValue().longValue()), List.of());
    }

    /** How sources and languages are compared: stripped and lower-cased. */
    public static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
