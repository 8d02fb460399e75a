package org.newsmonitor.ingest.replay;

/**
 * Something a replay could not use.
 *
 * @param path   the file (with ":line" for a JSON Lines record, "#n" for a WARC record), or "kafka"
 * @param reason what was wrong, in one line
 */
public record ReplayFailure(String path, String reason) {

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
