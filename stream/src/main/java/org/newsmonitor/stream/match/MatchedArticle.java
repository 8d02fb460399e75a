package org.newsmonitor.stream.match;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/**
 * An article that matched at least one theme, on its way to story clustering (internal repartition topic
 * {@code story-clustering}, in the binary form of {@link MatchedArticleSerde}).
 *
 * @param articleId   the article id
 * @param publishedAt the article's event time
 * @param signature   story fingerprint of its title and summary ({@code StoryFingerprint}); empty when none
 * @param matches     one match per theme hit, with the article id as provisional story id; never null
 */
public record MatchedArticle(String articleId, Instant publishedAt,
        @JsonSerialize(using = SignatureJson.Writer.class) @JsonDeserialize(using = SignatureJson.Reader.class)
        long[] signature,
        List<ThemeMatchEvent> matches) {
    public MatchedArticle {
        signature = signature == null ? new long[0] : signature;
        matches = matches == null ? List.of() : List.copyOf(matches);
    }
}
