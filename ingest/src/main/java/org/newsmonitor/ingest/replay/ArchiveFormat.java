package org.newsmonitor.ingest.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The kinds of archive file a replay reads, told apart by name and, failing that, by the first bytes. */
enum ArchiveFormat {
    /** A feed document (RSS, Atom), possibly gzipped. */
    FEED,
    /** JSON Lines of articles, possibly gzipped. */
    JSONL,
    /** A WARC file (jwarc handles .warc.gz itself). */
    WARC,
    /** Something else. */
    UNKNOWN;

    /** The format a file name announces; UNKNOWN when the name says nothing. */
    static ArchiveFormat byName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
            return WARC;
        }
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
            return JSONL;
        }
        if (base.endsWith(".xml") || base.endsWith(".rss") || base.endsWith(".atom") || base.endsWith(".rdf")) {
            return FEED;
        }
        return UNKNOWN;
    }

    /** The format the first decoded bytes suggest. */
    static ArchiveFormat sniff(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading();
        if (start.startsWith("WARC/")) {
            return WARC;
        }
        if (start.startsWith("{")) {
            return JSONL;
        }
        if (start.startsWith("<")) {
            return FEED;
        }
        return UNKNOWN;
    }

    /** True when the file is gzip-compressed by name. */
    static boolean gzipped(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
