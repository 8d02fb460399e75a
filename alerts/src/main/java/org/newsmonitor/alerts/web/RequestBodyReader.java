package org.newsmonitor.alerts.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a JSON request body as text: checks its Content-Type, bounds its size and decodes it as strict UTF-8. */
final class RequestBodyReader {
    private final int maxBytes;

    /** @param maxBytes largest body accepted */
    RequestBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The body as text.
     *
     * @param ctx      the request
     * @param accepted the media types accepted, see {@link JsonContentType}
     * @throws ApiError 415 for a wrong Content-Type, 413 for an oversized body, 400 for one that is not UTF-8
     */
    String read(Context ctx, List<String> accepted) {
        JsonContentType.check(ctx.header("Content-Type"), accepted);
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new ApiError(413, "body", "must be at most " + maxBytes + " bytes, was " + declared);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > maxBytes) {
                    throw new ApiError(413, "body", "must be at most " + maxBytes + " bytes");
                }
            }
            bytes = buffer.toByteArray();
        } catch (IOException e) {
            throw new ApiError(400, "body", "could not be read: " + e.getMessage());
        }
        try {
            // REPORT also refuses encoded surrogates (CESU-8), which are not UTF-8
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiError(400, "body", "must be UTF-8 encoded JSON");
        }
    }
}
