package org.newsmonitor.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.DeadLetterProducer;
import org.newsmonitor.contracts.TopicReader;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeSpec;
import org.newsmonitor.themes.ThemeSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes theme files to the compacted {@code news-themes} topic as {@link ThemeDefinition}s. Each theme is
 * compiled first, against the lexicon that {@code themes validate} uses for it (the {@code lexicon.yaml} next to the
 * files, else the bundled one), and travels with that lexicon's text, which the stream application compiles it with;
 * an invalid file is refused with its {@code file:line:column} message and the others are still published. Themes
 * whose published version already says the same (lexicon included) are skipped (the topic is read first), so
 * publishing at every start-up adds nothing; a changed theme is published with the next revision number.
 */
public final class ThemePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ThemePublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The stage named in dead letters of records the publisher cannot read. */
    static final String DEAD_LETTER_STAGE = "stream.theme-publisher";

    private final ClientSettings client;
    private final Lexicon lexicon;
    private final Clock clock;

    /** A publisher whose bundled catalog goes with the bundled lexicon. */
    public ThemePublisher(ClientSettings client) {
        this(client, ThemeFiles.bundledLexicon(), Clock.systemUTC());
    }

    /**
     * @param client  how to reach Kafka
     * @param lexicon the lexicon published with the bundled catalog
     * @param clock   the source of {@code updatedAt}
     */
    public ThemePublisher(ClientSettings client, Lexicon lexicon, Clock clock) {
        this.client = client;
        this.lexicon = lexicon;
        this.clock = clock;
    }

    /** Publishes the catalog bundled with the monitor. */
    public PublishReport publishBundled() {
        return publish(ThemeFiles.bundled(), lexicon, List.of());
    }

    /**
     * Publishes one theme file, or every theme file of a directory, with the lexicon.yaml next to them (the bundled
     * lexicon when there is none). When that lexicon is invalid, nothing is published and its error is reported.
     *
     * @throws IllegalStateException when Kafka cannot be reached, naming the topic and servers
     */
    public PublishReport publish(Path fileOrDirectory) {
        List<String> refused = new ArrayList<>();
        List<Path> files;
        Lexicon lexiconOfFiles;
        try {
            files = Files.isDirectory(fileOrDirectory) ? ThemeFiles.themeFilesIn(fileOrDirectory)
                    : List.of(fileOrDirectory);
            lexiconOfFiles = ThemeFiles.lexiconFor(fileOrDirectory);
        } catch (ThemeSyntaxException e) {
            LOG.warn("Themes refused: {}", e.getMessage());
            return new PublishReport(List.of(), List.of(), List.of(e.getMessage()));
        }
        List<ThemeSpec> specs = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path file : files) {
            try {
                for (ThemeSpec spec : ThemeFiles.load(file)) {
                    Path before = ids.putIfAbsent(spec.id(), file);
                    if (before != null) {
                        refused.add(file + ": theme '" + spec.id() + "': id is already used by " + before);
                    } else {
                        specs.add(spec);
                    }
                }
            } catch (ThemeSyntaxException e) {
                refused.add(e.getMessage());
            }
        }
        return publish(specs, lexiconOfFiles, refused);
    }

    /** Publishes a tombstone for {@code themeId}: the stream application stops matching it. */
    public void remove(String themeId) {
        try (KafkaProducer<String, ThemeDefinition> producer = producer()) {
            await(producer.send(new ProducerRecord<>(Topics.THEMES.name(), themeId, null)));
            LOG.info("Theme '{}' removed from {}", themeId, Topics.THEMES.name());
        }
    }

    private PublishReport publish(List<ThemeSpec> specs, Lexicon lexicon, List<String> refusedEarlier) {
        List<String> refused = new ArrayList<>(refusedEarlier);
        Map<String, ThemeSpec> valid = new LinkedHashMap<>();
        for (ThemeSpec spec : specs) {
            try {
                CompiledTheme.compile(spec, lexicon);
                valid.put(spec.id(), spec);
            } catch (ThemeSyntaxException e) {
                refused.add(e.getMessage());
            }
        }
        refused.forEach(message -> LOG.warn("Theme refused: {}", message));
        Map<String, ThemeDefinition> current = readPublished();
        List<String> published = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        try (KafkaProducer<String, ThemeDefinition> producer = producer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (ThemeSpec spec : valid.values()) {
                ThemeDefinition before = current.get(spec.id());
                ThemeDefinition next = ThemeDefinitions.toDefinition(spec, lexicon, before == null ? 1 : before.revision() + 1,
                        clock.instant());
                if (before != null && ThemeDefinitions.sameContent(before, next)) {
                    unchanged.add(spec.id());
                    continue;
                }
                sends.add(producer.send(new ProducerRecord<>(Topics.THEMES.name(), spec.id(), next)));
                published.add(spec.id());
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                await(send);
            }
        }
        LOG.info("Themes on {}: {} published, {} unchanged, {} refused", Topics.THEMES.name(), published.size(),
                unchanged.size(), refused.size());
        return new PublishReport(published, unchanged, refused);
    }

    /**
     * The latest valid definition per theme id on the topic, read from the beginning to the current end. A record
     * that cannot be read (or is keyed differently from its theme id) is dead-lettered and hides the versions before
     * it, so that publishing writes a valid version over it.
     */
    Map<String, ThemeDefinition> readPublished() {
        Map<String, ThemeDefinition> latest = new HashMap<>();
        var props = client.consumer("news-monitor-theme-publisher");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
                DeadLetterProducer deadLetters = new DeadLetterProducer(client, "news-monitor-theme-publisher")) {
            TopicReader<ThemeDefinition> reader = new TopicReader<>(Topics.THEMES, DEAD_LETTER_STAGE, deadLetters,
                    clock);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.THEMES.name(), TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot read " + Topics.THEMES.name() + " to its end within "
                            + TIMEOUT.toSeconds() + " s at " + client.bootstrapServers());
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    boolean read = reader.read(r.key(), r.value(), r.partition(), r.offset(), (id, theme) -> {
                        if (theme == null) {
                            latest.remove(id);
                        } else {
                            latest.put(id, theme);
                        }
                    });
                    if (!read) {
                        latest.remove(r.key());
                    }
                }
            }
        } catch (KafkaException e) {
            throw new IllegalStateException("Cannot read " + Topics.THEMES.name() + " at " + client.bootstrapServers()
                    + ": " + e.getMessage(), e);
        }
        return latest;
    }

    private KafkaProducer<String, ThemeDefinition> producer() {
        return new KafkaProducer<>(client.producer("news-monitor-theme-publisher"), new StringSerializer(),
                Topics.THEMES.valueSerde().serializer());
    }

    private void await(Future<RecordMetadata> send) {
        try {
            send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing themes", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot publish to " + Topics.THEMES.name() + " at "
                    + client.bootstrapServers() + ": " + cause.getMessage(), cause);
        }
    }
}
