package org.newsmonitor.ingest.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.ingest.normalize.ArticleFlags;
import org.newsmonitor.ingest.normalize.ArticleIds;
import org.newsmonitor.ingest.normalize.ArticleMapper;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.normalize.UrlCanonicalizer;

/**
 * JSON Lines of articles: one {@link ArticleEvent} per line in the articles topic's own JSON, or the short form
 * {@code {"id":…,"title":…,"summary":…}} that theme authors write. This is the one place where the short form's
 * missing fields are filled: {@code schemaVersion} the current one, {@code feedId} from the file name, {@code
 * publishedAt} the time the archive was captured (flagged {@code date-missing}), and a missing {@code id} derived from
 * the link or text as for feed items. Every article then goes through the feeds' normaliser
 * ({@link ArticleMapper#normalize}). A line that cannot be read is reported with its line number, kept whole for the
 * dead-letter topic, and skipped; the rest of the file is read.
 */
final class JsonlArticleReader {
    private static final ObjectMapper MAPPER = Json.mapper();

    private JsonlArticleReader() {
    }

    /**
     * Reads every line.
     *
     * @param where      the file, for messages
     * @param reader     the text
     * @param feedId     the feed id of lines that name none
     * @param capturedAt when the archive was captured: the publication time of lines that give none
     * @param sink       receives articles and unreadable lines
     * @return number of articles read
     * @throws IOException when the file cannot be read at all
     */
    static int read(String where, BufferedReader reader, String feedId, Instant capturedAt, ArchiveSink sink)
            throws IOException {
        int count = 0;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String problem;
            try {
                sink.article(article(line, feedId, capturedAt));
                count++;
                continue;
            } catch (ValueInstantiationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problem = "invalid article: " + cause.getMessage();
            } catch (JsonMappingException e) {
                problem = "invalid article: " + field(e) + e.getOriginalMessage();
            } catch (JsonProcessingException e) {
                problem = "malformed JSON" + column(e.getLocation()) + ": " + e.getOriginalMessage();
            } catch (RuntimeException e) {
                problem = "invalid article: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            sink.unreadable(new ReplayFailure(where + ":" + lineNumber, problem),
                    line.getBytes(StandardCharsets.UTF_8));
        }
        return count;
    }

    private static MappedArticle article(String line, String feedId, Instant capturedAt)
            throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(line);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object (an article), found "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        ObjectNode article = (ObjectNode) node;
        Set<String> flags = new LinkedHashSet<>();
        fillDefaults(article, feedId, capturedAt, flags);
        return ArticleMapper.normalize(MAPPER.treeToValue(article, ArticleEvent.class), flags);
    }

    // the short form's missing fields; a field that is present is never changed here
    private static void fillDefaults(ObjectNode article, String feedId, Instant capturedAt, Set<String> flags) {
        if (absent(article, "schemaVersion")) {
            article.put("schemaVersion", ArticleEvent.CURRENT_VERSION);
        }
        if (absent(article, "feedId")) {
            article.put("feedId", feedId);
        }
        if (absent(article, "publishedAt")) {
            article.put("publishedAt", capturedAt.toString());
            flags.add(ArticleFlags.DATE_MISSING);
        }
        if (absent(article, "id")) {
            article.put("id", ArticleIds.of(UrlCanonicalizer.canonical(text(article, "url")),
                    article.get("feedId").asText(), null, text(article, "title"), text(article, "summary")));
        }
    }

    private static boolean absent(ObjectNode article, String field) {
        JsonNode value = article.get(field);
        return value == null || value.isNull();
    }

    private static String text(ObjectNode article, String field) {
        JsonNode value = article.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static String field(JsonMappingException e) {
        String names = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
        return names.isEmpty() ? "" : "field '" + names + "': ";
    }

    // the parser's limits (nesting depth, number length) fail without a location
    private static String column(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
    }
}
