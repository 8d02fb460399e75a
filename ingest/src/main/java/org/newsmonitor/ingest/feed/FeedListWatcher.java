package org.newsmonitor.ingest.feed;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Notices edits of a feed list file: each check reads the file and compares its text with the last one read. An
 * edit that does not parse is reported once (the running list stays in force) and the file is read again at the
 * next check, so fixing it takes effect.
 */
public final class FeedListWatcher {
    private final Path path;
    private String lastText;
    private String lastRefused;

    /**
     * @param path the feed list file
     * @param text the text of the list in force
     */
    public FeedListWatcher(Path path, String text) {
        this.path = path;
        this.lastText = text;
    }

    /** The watched file. */
    public Path path() {
        return path;
    }

    /**
     * The feeds of the list if its text changed since the last list taken; empty when it did not, or when the
     * same invalid text was reported before.
     *
     * @throws FeedListException when the file cannot be read or the edited list is invalid (once per edit)
     */
    public synchronized Optional<List<FeedDefinition>> changed() {
        String text = FeedListReader.readText(path);
        if (text.equals(lastText) || text.equals(lastRefused)) {
            return Optional.empty();
        }
        try {
            List<FeedDefinition> feeds = FeedListReader.parse(text, path);
            lastText = text;
            lastRefused = null;
            return Optional.of(feeds);
        } catch (FeedListException e) {
            lastRefused = text;
            throw e;
        }
    }
}
