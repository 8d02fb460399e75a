package org.newsmonitor.ingest.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Set;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.ingest.normalize.MappedArticle;

/**
 * JSON Lines of articles, one {@link ArticleEvent} per line in the articles topic's own JSON. A bad line is reported
 * with its line number and skipped; the rest of the file is read.
 */
final class JsonlArticleReader {
    private static final ObjectMapper MAPPER = Json.mapper();

    private JsonlArticleReader() {
    }

    /**
     * Reads every line.
     *
     * @param where  the file, for messages
     * @param reader the text
     * @param sink   receives articles and failures
     * @return number of articles read
     * @throws IOException when the file cannot be read at all
     */
    static int read(String where, BufferedReader reader, ArchiveSink sink) throws IOException {
        int count = 0;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                ArticleEvent event = MAPPER.readValue(line, ArticleEvent.class);
                if (event == null) {
                    throw new IllegalArgumentException("the line is JSON null");
                }
                sink.article(new MappedArticle(event, Set.of()));
                count++;
            } catch (ValueInstantiationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                sink.failure(new ReplayFailure(where + ":" + lineNumber, "invalid article: " + cause.getMessage()));
            } catch (JsonProcessingException e) {
                sink.failure(new ReplayFailure(where + ":" + lineNumber, "malformed JSON at column "
                        + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                sink.failure(new ReplayFailure(where + ":" + lineNumber, e.getMessage()));
            }
        }
        return count;
    }
}
