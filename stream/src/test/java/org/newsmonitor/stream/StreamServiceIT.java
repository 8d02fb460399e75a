package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.stream.catalog.ThemeStatus;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeValidator;

/**
 * The stream service on a real in-process broker: bundled themes published, articles in, committed matches out,
 * interactive queries answered, bad themes and bad records handled. The broker and the service start once.
 */
class StreamServiceIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static ClientSettings client;
    private static StreamService service;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startBrokerThemesAndService() {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dir.resolve("kafka"), 0));
        client = ClientSettings.of(kafka.bootstrapServers());
        TopicCreator.ensure(client, Topics.ALL, (short) 1, 0);
        PublishReport first = new ThemePublisher(client).publishBundled();
        assertThat(first.refused()).isEmpty();
        assertThat(first.published()).hasSize(ThemeFiles.bundled().size());
        service = new StreamService(StreamConfig.of(client, dir.resolve("state")));
        service.start();
        producer = new KafkaProducer<>(client.producer("stream-it"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopAll() {
        if (producer != null) {
            producer.close();
        }
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void send(String topic, String key, byte[] value, Instant timestamp) throws Exception {
        producer.send(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key, value)).get();
    }

    private static void sendArticle(ArticleEvent article) throws Exception {
        send(Topics.ARTICLES.name(), article.id(),
                Topics.ARTICLES.valueSerde().serialize(Topics.ARTICLES.name(), article), article.publishedAt());
    }

    private static ArticleEvent pipelineArticle(String id, Instant at) {
        return ArticleEvent.of(id, "it-feed", "IT Wire", "https://news.example/" + id,
                "Gazprom and CNPC close in on Power of Siberia 2 price (" + id + ")",
                "Russia and China moved closer to a deal on gas shipped through Mongolia, Moscow said after talks "
                        + "in Beijing.", null, "en", at, at, List.of());
    }

    /** A read_committed reader of every partition of {@code topic}, from the beginning, without a group. */
    private static <V> KafkaConsumer<String, V> reader(String topic, Deserializer<V> values) {
        var props = client.consumer("stream-it-unused");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Polls {@code consumer} until a value satisfies {@code wanted}; returns that value. */
    private static <V> V awaitValue(KafkaConsumer<String, V> consumer, Predicate<V> wanted) {
        List<V> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(100))) {
                if (wanted.test(r.value())) {
                    return r.value();
                }
                seen.add(r.value());
            }
        }
        throw new AssertionError("No wanted record within " + WAIT.toSeconds() + " s; saw " + seen);
    }

    /** Reads {@code topic} from the beginning until a value satisfies {@code wanted}; returns that value. */
    private static <V> V awaitValue(String topic, Deserializer<V> values, Predicate<V> wanted) {
        try (KafkaConsumer<String, V> consumer = reader(topic, values)) {
            return awaitValue(consumer, wanted);
        }
    }

    /** Asks until the answer satisfies {@code wanted}, tolerating stores that are briefly not queryable. */
    private static <T> T awaitAnswer(Supplier<T> query, Predicate<T> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = query.get();
                if (wanted.test(last)) {
                    return last;
                }
            } catch (StreamServiceException e) {
                last = null;
            }
            // polling pause between queries, not a fixed wait: the loop ends as soon as the answer is there
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("No wanted answer within " + WAIT.toSeconds() + " s; last " + last);
    }

    @Test
    void shouldRememberSeenArticlesAndStoriesWhenAnInstanceStartsOnEmptyLocalState() throws Exception {
        //Given an article matched by the running instance
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        String original = "restart-" + UUID.randomUUID();
        ArticleEvent first = ArticleEvent.of(original, "it-feed", "IT Wire", "https://news.example/" + original,
                "Power of Siberia 2: Gazprom ships first test volumes to CNPC's northern terminal",
                "Engineers in Heilongjiang logged the first pressure tests of Russian gas on the new pipeline "
                        + "branch, two weeks ahead of the schedule agreed between Moscow and Beijing.",
                null, "en", published, published, List.of());
        String story;
        int partition;
        try (KafkaConsumer<String, ThemeMatchEvent> matches = reader(Topics.THEME_MATCHES.name(),
                Topics.THEME_MATCHES.valueSerde().deserializer())) {
            partition = producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), null,
                    published.toEpochMilli(), original, Topics.ARTICLES.valueSerde().serialize(
                            Topics.ARTICLES.name(), first))).get().partition();
            story = awaitValue(matches, m -> m.articleId().equals(original)).storyId();
        }
        assertThat(story).isEqualTo(original);
        //When that instance stops and another starts with nothing on disk, so its stores come from the changelogs
        service.close();
        service = new StreamService(StreamConfig.of(client, dir.resolve("state-after-restart")));
        service.start();
        //And the same article arrives again on its partition (an id always goes to one partition, whose task
        // remembers it), then a copy of it under another id on that partition too, so that it is read after
        String copy = "restart-copy-" + UUID.randomUUID();
        ArticleEvent second = ArticleEvent.of(copy, "it-feed-2", "Other Wire", "https://other.example/" + copy,
                first.title(), first.summary(), null, "en", published.plusSeconds(60), published.plusSeconds(60),
                List.of());
        for (ArticleEvent article : List.of(first, second)) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), partition,
                    article.publishedAt().toEpochMilli(), article.id(),
                    Topics.ARTICLES.valueSerde().serialize(Topics.ARTICLES.name(), article))).get();
        }
        //Then the copy joins the original's story, and the repeated article was not matched a second time
        List<ThemeMatchEvent> seen = new ArrayList<>();
        try (KafkaConsumer<String, ThemeMatchEvent> matches = reader(Topics.THEME_MATCHES.name(),
                Topics.THEME_MATCHES.valueSerde().deserializer())) {
            ThemeMatchEvent copied = awaitValue(matches, m -> {
                seen.add(m);
                return m.articleId().equals(copy);
            });
            assertThat(copied.storyId()).isEqualTo(story);
        }
        assertThat(seen).filteredOn(m -> m.articleId().equals(original)).hasSize(1);
    }

    @Test
    void shouldEmitCommittedMatchAndAnswerQueriesWhenArticleIsPublished() throws Exception {
        //Given
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        String id = "it-" + UUID.randomUUID();
        //When a corrupt record and then a good article arrive
        send(Topics.ARTICLES.name(), "corrupt-" + id, "{\"id\": oops".getBytes(StandardCharsets.UTF_8), published);
        try (KafkaConsumer<String, ThemeMatchEvent> matches = reader(Topics.THEME_MATCHES.name(),
                Topics.THEME_MATCHES.valueSerde().deserializer())) {
            long sentAt = System.nanoTime();
            sendArticle(pipelineArticle(id, published));
            //Then the match is committed and readable
            ThemeMatchEvent match = awaitValue(matches, m -> m.articleId().equals(id));
            System.out.printf("StreamServiceIT: first article to committed match in %d ms (read_committed)%n",
                    Duration.ofNanos(System.nanoTime() - sentAt).toMillis());
            assertThat(match.themeId()).isEqualTo("power-of-siberia");
            assertThat(match.storyId()).isEqualTo(id);
            assertThat(match.publishedAt()).isEqualTo(published);
            assertThat(match.terms()).isNotEmpty();
            //And later articles, once the application is warm, take a few commit cycles
            for (int i = 1; i <= 5; i++) {
                String next = "it-" + UUID.randomUUID();
                long nextSentAt = System.nanoTime();
                sendArticle(pipelineArticle(next, published.plusSeconds(i)));
                awaitValue(matches, m -> m.articleId().equals(next));
                System.out.printf("StreamServiceIT: warm article %d to committed match in %d ms%n", i,
                        Duration.ofNanos(System.nanoTime() - nextSentAt).toMillis());
            }
        }
        //And the corrupt record is dead-lettered
        DeadLetterEvent dead = awaitValue(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.valueSerde().deserializer(),
                d -> ("corrupt-" + id).equals(d.key()));
        assertThat(dead.stage()).isEqualTo("stream.read-articles");
        //And the counts are queryable and published
        Instant hour = published.truncatedTo(ChronoUnit.HOURS);
        List<ThemeStatsEvent> counts = awaitAnswer(
                () -> service.themeCounts("power-of-siberia", Granularity.HOUR, hour, hour), c -> !c.isEmpty());
        assertThat(counts.get(0).count()).isPositive();
        assertThat(awaitAnswer(() -> service.balance(hour.truncatedTo(ChronoUnit.DAYS), hour), b -> !b.isEmpty())
                .get(0).cooperation()).isPositive();
        awaitValue(Topics.THEME_STATS.name(), Topics.THEME_STATS.valueSerde().deserializer(),
                s -> s.themeId().equals("power-of-siberia") && s.granularity() == Granularity.HOUR);
        var statuses = service.themeStatus();
        assertThat(ThemeFiles.bundled()).allSatisfy(spec -> assertThat(statuses.get(spec.id())).isNotNull());
        assertThat(statuses.values()).allMatch(ThemeStatus::active);
    }

    @Test
    void shouldKeepPreviousVersionWhenBrokenThemeIsPublishedAndRestoreItWhenCatalogIsRepublished() throws Exception {
        //Given a broken revision of a bundled theme on the topic
        ThemeDefinition broken = new ThemeDefinition(ThemeDefinition.CURRENT_VERSION, "power-of-siberia",
                "Power of Siberia", "", Polarity.COOPERATION, List.of(), 4, null, "6: (gazprom OR\n", 99, null);
        send(Topics.THEMES.name(), broken.id(), Topics.THEMES.valueSerde().serialize(Topics.THEMES.name(), broken),
                Instant.now());
        ThemeStatus status = awaitAnswer(() -> service.themeStatus().get("power-of-siberia"), s -> !s.ok());
        assertThat(status.active()).isTrue();
        assertThat(status.line()).isEqualTo(1);
        //When an article arrives, the previous version still matches it
        String id = "it-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sendArticle(ArticleEvent.of(id, "it-feed", "IT Wire", null, "Power of Siberia flows to China hit a record",
                "Gazprom said daily exports to Chinese buyers rose as winter demand peaked in Beijing.", null, "en",
                now, now, List.of()));
        awaitValue(Topics.THEME_MATCHES.name(), Topics.THEME_MATCHES.valueSerde().deserializer(),
                m -> m.articleId().equals(id) && m.themeId().equals("power-of-siberia"));
        //Then republishing the catalog replaces the broken revision and leaves the rest unchanged
        PublishReport again = new ThemePublisher(client).publishBundled();
        assertThat(again.published()).containsExactly("power-of-siberia");
        assertThat(again.unchanged()).hasSize(ThemeFiles.bundled().size() - 1);
        awaitAnswer(() -> service.themeStatus().get("power-of-siberia"), ThemeStatus::ok);
    }

    @Test
    void shouldPublishValidFilesAndRefuseInvalidOnesWithTheirPositionWhenPublishingADirectory() throws Exception {
        //Given
        Path themes = Files.createDirectories(dir.resolve("themes-" + UUID.randomUUID()));
        Files.writeString(themes.resolve("it-valid.yaml"), """
                id: it-valid
                title: Test theme
                polarity: mixed
                minScore: 2
                rules: |
                  2: "test pipeline"
                """);
        Files.writeString(themes.resolve("it-broken.yaml"), """
                id: it-broken
                title: Broken theme
                polarity: friction
                minScore: 2
                rules: |
                  2: "ok phrase"
                  3: @no-such-list AND china
                """);
        //When
        PublishReport report = new ThemePublisher(client).publish(themes);
        //Then
        assertThat(report.published()).containsExactly("it-valid");
        assertThat(report.refused()).singleElement().asString()
                .startsWith(themes.resolve("it-broken.yaml") + ":7:")
                .contains("theme 'it-broken'");
        awaitAnswer(() -> service.themeStatus().get("it-valid"), s -> s != null && s.ok());
    }
    @Test
    void shouldCompileLiveWithTheLexiconThatValidateUsesWhenADirectoryHasItsOwnLexicon() throws Exception {
        //Given a theme that uses a list only the directory's lexicon.yaml defines, which validate accepts
        Path themes = Files.createDirectories(dir.resolve("themes-" + UUID.randomUUID()));
        Files.writeString(themes.resolve(ThemeFiles.LEXICON_FILE), """
                it-ports: [zarubino, "port of zarubino", зарубино]
                """);
        Files.writeString(themes.resolve("it-ports.yaml"), """
                id: it-ports
                title: Far East ports
                polarity: cooperation
                minScore: 2
                rules: |
                  2: @it-ports AND china
                """);
        var validated = new java.io.ByteArrayOutputStream();
        assertThat(ThemeValidator.validate(List.of(themes), new java.io.PrintStream(validated),
                new java.io.PrintStream(validated))).as(validated.toString()).isEqualTo(ThemeValidator.OK);
        //When
        PublishReport report = new ThemePublisher(client).publish(themes);
        //Then the stream application accepts it too, and matches with it
        assertThat(report.refused()).isEmpty();
        assertThat(report.published()).containsExactly("it-ports");
        awaitAnswer(() -> service.themeStatus().get("it-ports"), s -> s != null && s.ok());
        String id = "lexicon-" + UUID.randomUUID();
        sendArticle(ArticleEvent.of(id, "it-feed", "IT Wire", "https://news.example/" + id,
                "China eyes the port of Zarubino", "A Chinese operator studies the port.", null, "en",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Instant.now(), List.of()));
        awaitValue(Topics.THEME_MATCHES.name(), Topics.THEME_MATCHES.valueSerde().deserializer(),
                m -> m.articleId().equals(id) && m.themeId().equals("it-ports"));
    }
}
