package org.newsmonitor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API key of owner {@value #OWNER} that `run` uses when no key is configured, kept in the data directory (file
 * {@value #FILE_NAME}, readable and writable by its owner only) so that it survives restarts. It changes only when
 * rotated ({@code monitor api-key rotate}).
 */
final class LocalApiKey {
    /** Owner the key stands for. */
    static final String OWNER = "local";
    /** File name inside the data directory. */
    static final String FILE_NAME = "api-key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    /** @param dataDir the data directory of `run` */
    LocalApiKey(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Where the key is kept. */
    Path file() {
        return file;
    }

    /**
     * The kept key, or a new one written now when there is none.
     *
     * @throws IllegalStateException naming the file when it cannot be read or written, or holds no valid key
     */
    String loadOrCreate() {
        return read().orElseGet(() -> {
            String key = newKey();
            try {
                Files.createDirectories(file.getParent());
                write(file, key);
                return key;
            } catch (FileAlreadyExistsException raced) {
                return read().orElseThrow(() -> problem("was written by another process but holds no key", null));
            } catch (IOException e) {
                throw problem("cannot be written", e);
            }
        });
    }

    /**
     * Replaces the kept key with a new one.
     *
     * @return the new key
     * @throws IllegalStateException naming the file when it cannot be written
     */
    String rotate() {
        String key = newKey();
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".new");
            Files.deleteIfExists(temp);
            write(temp, key);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return key;
        } catch (IOException e) {
            throw problem("cannot be written", e);
        }
    }

    /** The kept key, if the file exists; its permissions are narrowed to the owner when they were wider. */
    Optional<String> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!KEY.matcher(key).matches()) {
                throw problem("holds no valid API key (16 to 256 letters, digits or -._~+/=); delete it or run "
                        + "`monitor api-key rotate`", null);
            }
            restrict(file);
            return Optional.of(key);
        } catch (IOException e) {
            throw problem("cannot be read", e);
        }
    }

    private static void write(Path target, String key) throws IOException {
        byte[] bytes = (key + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            // created with owner-only permissions, so the key is never readable by others, not even briefly
            Files.createFile(target, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(target);
        }
        Files.write(target, bytes);
    }

    private static void restrict(Path target) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(target).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(target, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: its own access rules apply
        }
    }

    private IllegalStateException problem(String what, IOException cause) {
        String reason = cause == null ? "" : ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + " " + cause.getMessage());
        return new IllegalStateException("The API key file " + file + " " + what + reason, cause);
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
