package org.newsmonitor.ingest.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample archive bundled in the jar under {@code samples/}: six feed snapshots (RSS 2.0, Atom 1.0, RSS 1.0;
 * English, Russian in windows-1251, Chinese) with 53 articles written for the project, dated 2025–2026, covering
 * every theme of the catalog (several for Power of Siberia, EEU–BRI friction and arms sales), about ten unrelated
 * stories, and one syndicated story published by two outlets under slightly different titles. {@code monitor run}
 * replays it so a first run without internet shows alerts.
 */
public final class SampleArchive {
    /** Classpath folder of the archive. */
    public static final String FOLDER = "/samples/";
    private static final String INDEX = FOLDER + "index.txt";

    private SampleArchive() {
    }

    /**
     * Names of the archive's files, in replay order.
     *
     * @return file names; never null
     * @throws UncheckedIOException when the jar lacks the archive
     */
    public static List<String> files() {
        try (InputStream in = SampleArchive.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IOException("the sample archive index " + INDEX + " is missing from the classpath");
            }
            List<String> names = new ArrayList<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled sample archive: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the archive out of the jar so that {@link Replayer} can read it.
     *
     * @param targetDir directory to copy into (created when missing); existing copies are overwritten
     * @return the copied files, in replay order; never null
     * @throws UncheckedIOException naming the file or directory when copying fails
     */
    public static List<Path> extract(Path targetDir) {
        List<Path> copied = new ArrayList<>();
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + targetDir + " for the sample archive: " + e.getMessage(), e);
        }
        for (String name : files()) {
            Path target = targetDir.resolve(name);
            try (InputStream in = SampleArchive.class.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IOException("sample file " + FOLDER + name + " is missing from the classpath");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                copied.add(target);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy the sample archive to " + target + ": " + e.getMessage(), e);
            }
        }
        return copied;
    }
}
