package org.newsmonitor.ingest.replay;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.newsmonitor.ingest.fetch.BodyDecoder;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.FeedParser;

/**
 * Reads archive files into articles exactly as a replay publishes them: feed documents through the feed parser and
 * mapper, JSON Lines (full or short form) and WARC files, each optionally gzipped, told apart by name and, failing
 * that, by their first bytes. Both {@code monitor replay} and {@code monitor match} read their inputs here, so that
 * they accept the same files and see the same articles. A file larger than {@link #MAX_FILE_BYTES} is refused.
 */
public final class ArchiveReader {
    /** Largest decoded archive file (or WARC payload) read. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private final Clock clock;
    private final FeedParser feedParser;

    /**
     * @param clock      the time an archive counts as captured when its file has no modification time
     * @param feedParser reads feed documents, with the feed size cap the poller applies
     */
    public ArchiveReader(Clock clock, FeedParser feedParser) {
        this.clock = clock;
        this.feedParser = feedParser;
    }

    /**
     * The archive files named by {@code paths}: files as given, directories searched recursively for the archive
     * names replay knows (*.xml, *.rss, *.atom, *.rdf, *.jsonl, *.ndjson, *.json, *.warc, each optionally .gz;
     * hidden files skipped), in name order.
     *
     * @param paths    files and directories; never null
     * @param failures receives each path that is missing or cannot be listed
     * @return the files to read; never null
     */
    public static List<Path> files(List<Path> paths, Consumer<ReplayFailure> failures) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> ArchiveFormat.byName(p) != ArchiveFormat.UNKNOWN)
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    failures.accept(new ReplayFailure(path.toString(), "cannot list directory: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                failures.accept(new ReplayFailure(path.toString(), Files.exists(path) ? "not a regular file"
                        : "no such file or directory"));
            }
        }
        return files;
    }

    /**
     * Reads one archive file; problems go to the sink, never thrown.
     *
     * @param file the file; never null
     * @param sink receives articles, unreadable records and file failures; never null
     */
    public void read(Path file, ArchiveSink sink) {
        String where = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                sink.failure(new ReplayFailure(where, "file is larger than " + MAX_FILE_BYTES + " bytes"));
                return;
            }
            if (ArchiveFormat.byName(file) == ArchiveFormat.WARC) {
                WarcArchiveReader.read(file, MAX_FILE_BYTES, feedParser, sink);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (ArchiveFormat.gzipped(file)) {
                bytes = BodyDecoder.decode(bytes, "gzip", MAX_FILE_BYTES);
            }
            read(where, ArchiveFormat.byName(file), bytes, capturedAt(file), stem(file), sink);
        } catch (IOException e) {
            sink.failure(cannotRead(where, e));
        }
    }

    /**
     * Reads an archive that is not a file (standard input), its format told by its first bytes.
     *
     * @param name what to call the input in messages, e.g. "stdin"; also the feed id of articles naming none
     * @param in   the bytes; read to the end, not closed
     * @param sink receives articles, unreadable records and failures; never null
     */
    public void read(String name, InputStream in, ArchiveSink sink) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                sink.failure(new ReplayFailure(name, "input is larger than " + MAX_FILE_BYTES + " bytes"));
                return;
            }
            read(name, ArchiveFormat.UNKNOWN, bytes, clock.instant(), name, sink);
        } catch (IOException e) {
            sink.failure(cannotRead(name, e));
        }
    }

    private void read(String where, ArchiveFormat named, byte[] bytes, Instant capturedAt, String stem,
            ArchiveSink sink) throws IOException {
        ArchiveFormat format = named == ArchiveFormat.UNKNOWN ? ArchiveFormat.sniff(bytes) : named;
        switch (format) {
            case FEED -> FeedSnapshotReader.read(feedParser, where, bytes, null, null, capturedAt, stem, sink);
            case JSONL -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                        StandardCharsets.UTF_8))) {
                    JsonlArticleReader.read(where, reader, FeedSnapshotReader.archiveFeedId(stem), capturedAt, sink);
                }
            }
            case WARC -> {
                Path plain = Files.createTempFile("replay-", ".warc");
                try {
                    Files.write(plain, bytes);
                    WarcArchiveReader.read(plain, MAX_FILE_BYTES, feedParser, new RenamingSink(sink, plain.toString(), where));
                } finally {
                    Files.deleteIfExists(plain);
                }
            }
            default -> sink.failure(new ReplayFailure(where,
                    "unknown archive format (expected feed XML, JSON Lines or WARC)"));
        }
    }

    private Instant capturedAt(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return clock.instant();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static ReplayFailure cannotRead(String where, IOException e) {
        return new ReplayFailure(where, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }

    /** Reports what is found in a temporary copy under the original name. */
    private record RenamingSink(ArchiveSink target, String temporary, String original) implements ArchiveSink {
        @Override
        public void article(MappedArticle article) {
            target.article(article);
        }

        @Override
        public void unreadable(ReplayFailure failure, byte[] record) {
            target.unreadable(renamed(failure), record);
        }

        @Override
        public void failure(ReplayFailure failure) {
            target.failure(renamed(failure));
        }

        private ReplayFailure renamed(ReplayFailure failure) {
            return new ReplayFailure(failure.path().replace(temporary, original), failure.reason());
        }
    }
}
