package org.newsmonitor.stream.match;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A MinHash signature in JSON as one Base64 string of its big-endian longs (688 characters for 64 longs) instead of
 * an array of 64 numbers: half the bytes on the story-clustering topic and one token to parse instead of 64.
 * An array of numbers is still read, so records written before this encoding stay readable.
 */
final class SignatureJson {
    private SignatureJson() {
    }

    /** Writes a signature as Base64. */
    static final class Writer extends JsonSerializer<long[]> {
        @Override
        public void serialize(long[] signature, JsonGenerator out, SerializerProvider provider) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(signature.length * Long.BYTES);
            for (long value : signature) {
                bytes.putLong(value);
            }
            out.writeString(Base64.getEncoder().encodeToString(bytes.array()));
        }
    }

    /** Reads a signature written as Base64, or as an array of numbers. */
    static final class Reader extends JsonDeserializer<long[]> {
        @Override
        public long[] deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() == JsonToken.START_ARRAY) {
                return in.readValueAs(long[].class);
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(in.getValueAsString(""));
            } catch (IllegalArgumentException e) {
                return (long[]) context.handleWeirdStringValue(long[].class, in.getText(), "not Base64: %s",
                        e.getMessage());
            }
            if (bytes.length % Long.BYTES != 0) {
                return (long[]) context.handleWeirdStringValue(long[].class, in.getText(),
                        "%d bytes is not a whole number of longs", bytes.length);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long[] signature = new long[bytes.length / Long.BYTES];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = buffer.getLong();
            }
            return signature;
        }
    }
}
