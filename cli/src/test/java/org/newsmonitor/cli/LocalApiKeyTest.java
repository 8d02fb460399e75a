package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalApiKeyTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepTheKeyAcrossRestartsInAnOwnerOnlyFile() throws Exception {
        //When
        String first = new LocalApiKey(dir.resolve("data")).loadOrCreate();
        String again = new LocalApiKey(dir.resolve("data")).loadOrCreate();
        //Then
        Path file = dir.resolve("data").resolve("api-key");
        assertThat(again).isEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldRotateTheKeyWithTheCommandAndKeepTheNewOne() throws Exception {
        //Given
        String old = new LocalApiKey(dir).loadOrCreate();
        //When
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MonitorMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), "api-key", "rotate",
                "--data-dir", dir.toString());
        //Then
        String rotated = out.toString().strip();
        assertThat(exit).as(err.toString()).isZero();
        assertThat(rotated).isNotEqualTo(old).hasSizeGreaterThanOrEqualTo(32);
        assertThat(new LocalApiKey(dir).loadOrCreate()).isEqualTo(rotated);
        assertThat(err.toString()).contains("restart");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("api-key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldNarrowWiderPermissionsAndRefuseAFileWithoutAKey() throws Exception {
        //Given
        Path file = dir.resolve("api-key");
        Files.writeString(file, "0123456789abcdef0123\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        //When
        String key = new LocalApiKey(dir).loadOrCreate();
        //Then
        assertThat(key).isEqualTo("0123456789abcdef0123");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> new LocalApiKey(dir).loadOrCreate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("rotate");
    }
}
