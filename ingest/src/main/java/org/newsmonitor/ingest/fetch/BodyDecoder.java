package org.newsmonitor.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes Content-Encoding gzip or deflate with the size limit counted on the decompressed bytes, so a small
 * compressed bomb stops after {@code maxBytes} of output instead of filling the heap.
 */
public final class BodyDecoder {
    private BodyDecoder() {
    }

    /**
     * Decodes a body.
     *
     * @param raw             the bytes as received; never null
     * @param contentEncoding the Content-Encoding header; may be null
     * @param maxBytes        largest decoded size accepted
     * @return the decoded body; never null
     * @throws BodyTooLargeException when the decoded body exceeds {@code maxBytes}
     * @throws IOException           when the compressed data is corrupt or truncated
     */
    public static byte[] decode(byte[] raw, String contentEncoding, long maxBytes) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity":
                return raw;
            case "gzip", "x-gzip":
                return readCapped(new GZIPInputStream(new ByteArrayInputStream(raw), 8192), maxBytes, "gzip");
            case "deflate":
                boolean zlib = raw.length >= 2 && (raw[0] & 0x0F) == 8 && (((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF)) % 31 == 0;
                return readCapped(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(!zlib), 8192),
                        maxBytes, "deflate");
            default:
                throw new IOException("unsupported Content-Encoding '" + contentEncoding + "'");
        }
    }

    private static byte[] readCapped(InputStream in, long maxBytes, String what) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new BodyTooLargeException("body exceeds the limit of " + maxBytes
                            + " bytes after decompression (" + what + ")");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (EOFException e) {
            throw new IOException("truncated " + what + " body", e);
        } catch (ZipException e) {
            throw new IOException("corrupt " + what + " body: " + e.getMessage(), e);
        }
    }
}
