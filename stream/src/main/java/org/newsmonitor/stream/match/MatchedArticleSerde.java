package org.newsmonitor.stream.match;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.json.JsonSerde;

/**
 * A compact binary encoding of {@link MatchedArticle} for the internal story-clustering topic: a version byte, then
 * the fields in declaration order (strings as length-prefixed UTF-8, -1 for null; instants as seconds and nanos;
 * enums by name). Writing and reading JSON for this hop cost more than the story clustering itself. Records written
 * as JSON by an earlier version (first byte {@code '{'}) are still read, so an upgrade need not drain the topic; so
 * are those of the earlier encodings: version 1 ends each match after its match time, version 2 adds the theme
 * revision (-1 for none), version 3 then the snippet terms, version 4 then the sub-topic ids.
 */
public final class MatchedArticleSerde implements Serde<MatchedArticle>, Serializer<MatchedArticle>,
        Deserializer<MatchedArticle> {
    private static final byte VERSION = 4;
    private static final byte WITH_SNIPPET_TERMS = 3;
    private static final byte WITH_REVISION = 2;
    private static final byte WITHOUT_REVISION = 1;
    private static final byte JSON_START = '{';

    private final JsonSerde<MatchedArticle> json;

    /** @param topic the topic named in errors */
    public MatchedArticleSerde(String topic) {
        this.json = new JsonSerde<>(MatchedArticle.class, topic);
    }

    @Override
    public byte[] serialize(String topic, MatchedArticle article) {
        if (article == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + 1024 * article.matches().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, article.articleId());
            writeInstant(out, article.publishedAt());
            out.writeInt(article.signature().length);
            for (long value : article.signature()) {
                out.writeLong(value);
            }
            out.writeInt(article.matches().size());
            for (ThemeMatchEvent match : article.matches()) {
                writeMatch(out, match);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public MatchedArticle deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            return json.deserialize(topic, data);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = data.length == 0 ? -1 : in.readByte();
            if (version < WITHOUT_REVISION || version > VERSION) {
                throw new SerializationException("matched article in " + topic + ": unknown encoding version "
                        + version);
            }
            String articleId = readString(in);
            Instant publishedAt = readInstant(in);
            long[] signature = new long[checkedCount(in.readInt(), data.length / 8)];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = in.readLong();
            }
            int count = checkedCount(in.readInt(), data.length);
            List<ThemeMatchEvent> matches = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                matches.add(readMatch(in, version));
            }
            return new MatchedArticle(articleId, publishedAt, signature, matches);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException("matched article in " + topic + ": truncated or corrupt record ("
                    + data.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static void writeMatch(DataOutputStream out, ThemeMatchEvent m) throws IOException {
        out.writeInt(m.schemaVersion());
        writeString(out, m.articleId());
        writeString(out, m.storyId());
        writeString(out, m.themeId());
        writeString(out, m.themeTitle());
        writeString(out, m.polarity().name());
        out.writeDouble(m.score());
        writeTerms(out, m.terms());
        writeString(out, m.snippet());
        writeString(out, m.title());
        writeString(out, m.url());
        writeString(out, m.source());
        writeString(out, m.language());
        writeInstant(out, m.publishedAt());
        writeInstant(out, m.matchedAt());
        out.writeInt(m.themeRevision() == null ? -1 : m.themeRevision());
        writeTerms(out, m.snippetTerms());
        out.writeInt(m.subTopics().size());
        for (String subTopic : m.subTopics()) {
            writeString(out, subTopic);
        }
    }

    private static void writeTerms(DataOutputStream out, List<MatchedTerm> terms) throws IOException {
        out.writeInt(terms.size());
        for (MatchedTerm t : terms) {
            writeString(out, t.term());
            writeString(out, t.field());
            out.writeInt(t.start());
            out.writeInt(t.end());
        }
    }

    private static List<MatchedTerm> readTerms(DataInputStream in) throws IOException {
        int termCount = checkedCount(in.readInt(), in.available());
        List<MatchedTerm> terms = new ArrayList<>(termCount);
        for (int i = 0; i < termCount; i++) {
            terms.add(new MatchedTerm(readString(in), readString(in), in.readInt(), in.readInt()));
        }
        return terms;
    }

    private static ThemeMatchEvent readMatch(DataInputStream in, byte version) throws IOException {
        int schemaVersion = in.readInt();
        String articleId = readString(in);
        String storyId = readString(in);
        String themeId = readString(in);
        String themeTitle = readString(in);
        Polarity polarity = Polarity.valueOf(readString(in));
        double score = in.readDouble();
        List<MatchedTerm> terms = readTerms(in);
        String snippet = readString(in);
        String title = readString(in);
        String url = readString(in);
        String source = readString(in);
        String language = readString(in);
        Instant publishedAt = readInstant(in);
        Instant matchedAt = readInstant(in);
        int revision = version >= WITH_REVISION ? in.readInt() : -1;
        List<MatchedTerm> snippetTerms = version >= WITH_SNIPPET_TERMS ? readTerms(in) : List.of();
        List<String> subTopics = new ArrayList<>();
        if (version >= VERSION) {
            int subTopicCount = checkedCount(in.readInt(), in.available());
            for (int i = 0; i < subTopicCount; i++) {
                subTopics.add(readString(in));
            }
        }
        return new ThemeMatchEvent(schemaVersion, articleId, storyId, themeId, themeTitle, polarity, score, terms,
                snippet, title, url, source, language, publishedAt, matchedAt, revision < 0 ? null : revision,
                snippetTerms, subTopics);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[checkedCount(length, in.available())];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    // a length read from the record cannot exceed what the record still holds; corrupt lengths fail early
    private static int checkedCount(int count, int limit) {
        if (count < 0 || count > limit) {
            throw new IllegalArgumentException("length " + count + " is impossible here");
        }
        return count;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // holds no resources
    }

    @Override
    public Serializer<MatchedArticle> serializer() {
        return this;
    }

    @Override
    public Deserializer<MatchedArticle> deserializer() {
        return this;
    }
}
