package org.newsmonitor.alerts.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/**
 * The articles the monitor holds, as a Lucene index, with the themes each matched and the story it belongs to.
 * It is a view rebuilt from Kafka at every start (an index left on disk is wiped), so it never has to be migrated
 * or repaired. Writes come from one thread (the topic follower); searches from any thread see every article indexed
 * before they started.
 *
 * <p>Themes (with the score the stream service recorded) and stories live beside the index, in memory (a few
 * dozen bytes per article), because the matches of an
 * article arrive on another topic, before or after the article itself; a theme filter becomes a set of article ids.
 * Scores use {@link BooleanSimilarity} (the number of query terms present, title twice), which does not change as
 * articles are added, so that paging by relevance is as stable as paging by time.
 */
public final class ArticleIndex implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Story> stories = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> articlesByTheme = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> articlesByStory = new ConcurrentHashMap<>();

    private ArticleIndex(Directory directory) {
        this.directory = directory;
        try {
            IndexWriterConfig config = new IndexWriterConfig(new TokenizerAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setSimilarity(new BooleanSimilarity());
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher s = new IndexSearcher(reader);
                    s.setSimilarity(new BooleanSimilarity());
                    return s;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index: " + e.getMessage(), e);
        }
    }

    /** An index in memory (tests, benchmarks). */
    public static ArticleIndex inMemory() {
        return new ArticleIndex(new ByteBuffersDirectory());
    }

    /** An index in {@code dir}, emptied first: it is rebuilt from Kafka. */
    public static ArticleIndex onDisk(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            return new ArticleIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces an article (by id); a tombstone ({@code null}) is ignored, since articles are never deleted. */
    public void index(String key, ArticleEvent article) {
        if (article == null) {
            return;
        }
        try {
            writer.updateDocument(new Term(ArticleFields.ID, article.id()), ArticleFields.toDocument(article));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index article " + article.id() + ": " + e.getMessage(), e);
        }
    }

    /** Records that an article matched a theme and which story it is in. */
    public void annotate(String key, ThemeMatchEvent match) {
        if (match == null) {
            return;
        }
        Story before = stories.get(match.articleId());
        Story after = stories.merge(match.articleId(), new Story(match.storyId(),
                Map.of(match.themeId(), match.score()), Map.of(match.themeId(), match.subTopics())), Story::with);
        if (before != null && !before.storyId().equals(after.storyId())) {
            Set<String> old = articlesByStory.get(before.storyId());
            if (old != null) {
                old.remove(match.articleId());
            }
        }
        articlesByStory.computeIfAbsent(after.storyId(), s -> ConcurrentHashMap.newKeySet()).add(match.articleId());
        articlesByTheme.computeIfAbsent(match.themeId(), t -> ConcurrentHashMap.newKeySet()).add(match.articleId());
    }

    /** The story id of an article: the one its matches name, else its own id. */
    public String storyOf(String articleId) {
        Story s = stories.get(articleId);
        return s == null ? articleId : s.storyId();
    }

    /**
     * Ids of the articles of a story as the theme matches named it; empty when no match named it (an article no theme
     * matched is a story of its own, under its own id).
     */
    public Set<String> articlesOfStory(String storyId) {
        Set<String> ids = articlesByStory.get(storyId);
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    /** The themes an article matched, sorted; never null. */
    public List<String> themesOf(String articleId) {
        Story s = stories.get(articleId);
        return s == null ? List.of() : s.scores().keySet().stream().sorted().toList();
    }

    /** The score of each theme an article matched, as the stream service recorded it; never null. */
    public Map<String, Double> themeScores(String articleId) {
        Story s = stories.get(articleId);
        return s == null ? Map.of() : s.scores();
    }

    /**
     * The sub-topics of each theme an article matched, as the stream service recorded them (ids, in the theme's
     * order); themes whose match named none are left out. Never null.
     */
    public Map<String, List<String>> subTopicsOf(String articleId) {
        Story s = stories.get(articleId);
        return s == null ? Map.of() : s.subTopics();
    }

    /** Ids of the articles that matched any of {@code themes}, or any theme at all when {@code themes} is empty. */
    public Set<String> articlesMatching(Collection<String> themes) {
        if (themes.isEmpty()) {
            return Set.copyOf(stories.keySet());
        }
        Set<String> out = new java.util.HashSet<>();
        for (String t : themes) {
            out.addAll(articlesByTheme.getOrDefault(t, Set.of()));
        }
        return out;
    }

    /** Runs {@code work} on a searcher that sees every article indexed so far. */
    public <T> T withSearcher(SearcherWork<T> work) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher s = searchers.acquire();
            try {
                return work.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be read: " + e.getMessage(), e);
        }
    }

    /** Something done with a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the search index: " + e.getMessage(), e);
        }
    }

    private record Story(String storyId, Map<String, Double> scores, Map<String, List<String>> subTopics) {
        Story {
            // only the themes whose match named sub-topics: most matches name none, and cost nothing here
            Map<String, List<String>> named = new java.util.TreeMap<>();
            subTopics.forEach((theme, ids) -> {
                if (ids != null && !ids.isEmpty()) {
                    named.put(theme, List.copyOf(ids));
                }
            });
            subTopics = named.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(named);
        }

        Story with(Story other) {
            Map<String, Double> all = new java.util.TreeMap<>(scores);
            all.putAll(other.scores);
            Map<String, List<String>> named = new java.util.TreeMap<>(subTopics);
            other.scores.keySet().forEach(named::remove);
            named.putAll(other.subTopics);
            return new Story(other.storyId, java.util.Collections.unmodifiableMap(all), named);
        }
    }
}
