package org.newsmonitor.alerts.policy;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.Topics;

/**
 * The alert policy as a Kafka Streams topology: theme matches and surges joined with subscriptions become alerts.
 *
 * <ul>
 *   <li>Topic: news-theme-matches / Key: story id / Value: ThemeMatchEvent JSON (read as bytes, parsed here)</li>
 *   <li>Topic: news-query-matches / Key: story id / Value: ThemeMatchEvent JSON with themeId
 *       query:&lt;subscriptionId&gt;, alerting that subscription only</li>
 *   <li>Topic: news-theme-surges / Key: theme id / Value: SurgeEvent JSON</li>
 *   <li>Topic: news-subscriptions (global store) / Key: subscription id / Value: SubscriptionEvent JSON</li>
 *   <li>Out: news-alerts / Key: subscription id / Value: AlertEvent JSON, deterministic alert id</li>
 *   <li>Out: news-dead-letters / Key: source key / Value: DeadLetterEvent JSON with DlqHeaders</li>
 * </ul>
 * Each alert id is remembered in a windowed store for the dedup retention, so copies of a story and re-processed
 * matches yield no second alert. The stores are RocksDB window stores: an in-memory window store keeps one map
 * per record timestamp, so its look-up over the week-long range walks every alert of the week (measured: the
 * alerts service took three times the CPU per article and p99 latency rose to seconds at 1,000 articles/s).
 */
public final class AlertPolicyTopology {
    /** Streams application id, also the consumer group of the policy. */
    public static final String APPLICATION_ID = "news-monitor-alerts";
    /** Global store of subscriptions by id. */
    public static final String SUBSCRIPTIONS_STORE = "subscriptions-store";
    /** Alert ids already emitted for story matches. */
    public static final String ALERT_IDS_STORE = "alert-ids-store";
    /** Alert ids already emitted for matches of private queries. */
    public static final String QUERY_ALERT_IDS_STORE = "query-alert-ids-store";
    /** Alert ids already emitted for surges. */
    public static final String SURGE_ALERT_IDS_STORE = "surge-alert-ids-store";

    static final String READ_MATCHES = "read-theme-matches";
    static final String READ_SURGES = "read-theme-surges";
    static final String READ_QUERY_MATCHES = "read-query-matches";
    static final String QUERY_MATCHES_TO_ALERTS = "match-query-subscriptions";
    static final String WRITE_QUERY_ALERTS = "write-query-alerts";
    static final String WRITE_QUERY_DEAD_LETTERS = "write-query-dead-letters";
    static final String READ_SUBSCRIPTIONS = "read-subscriptions";
    static final String MATERIALISE_SUBSCRIPTIONS = "materialise-subscriptions";
    static final String MATCHES_TO_ALERTS = "match-subscriptions";
    static final String SURGES_TO_ALERTS = "match-surge-subscriptions";
    static final String WRITE_ALERTS = "write-alerts";
    static final String WRITE_SURGE_ALERTS = "write-surge-alerts";
    static final String WRITE_DEAD_LETTERS = "write-dead-letters";
    static final String WRITE_SURGE_DEAD_LETTERS = "write-surge-dead-letters";

    private AlertPolicyTopology() {
    }

    /**
     * Builds the policy topology; no I/O happens here.
     *
     * @param dedupRetention how long an emitted alert id is remembered (processing time)
     * @param deadLetters    where the subscriptions store puts records it cannot take (global processors cannot
     *                       forward to a sink); must be thread-safe
     * @return the topology; never null
     */
    public static Topology build(Duration dedupRetention, DeadLetterSink deadLetters) {
        Topology topology = new Topology();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE), Serdes.String(),
                        Topics.SUBSCRIPTIONS.valueSerde()).withLoggingDisabled(),
                READ_SUBSCRIPTIONS, new StringDeserializer(), new ByteArrayDeserializer(), Topics.SUBSCRIPTIONS.name(),
                MATERIALISE_SUBSCRIPTIONS, () -> new SubscriptionsGlobalProcessor(deadLetters));

        topology.addSource(READ_MATCHES, new StringDeserializer(), new ByteArrayDeserializer(),
                Topics.THEME_MATCHES.name());
        topology.addProcessor(MATCHES_TO_ALERTS,
                () -> new MatchAlertProcessor(ALERT_IDS_STORE, dedupRetention, WRITE_ALERTS, WRITE_DEAD_LETTERS),
                READ_MATCHES);
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ALERT_IDS_STORE, dedupRetention, dedupRetention, false),
                Serdes.String(), Serdes.Long()), MATCHES_TO_ALERTS);
        topology.addSink(WRITE_ALERTS, Topics.ALERTS.name(), new StringSerializer(), Topics.ALERTS.valueSerde(),
                MATCHES_TO_ALERTS);
        topology.addSink(WRITE_DEAD_LETTERS, Topics.DEAD_LETTERS.name(), new StringSerializer(),
                Topics.DEAD_LETTERS.valueSerde(), MATCHES_TO_ALERTS);

        // matches of private queries: each to the one subscription whose query it is, in a sub-topology of its own
        topology.addSource(READ_QUERY_MATCHES, new StringDeserializer(), new ByteArrayDeserializer(),
                Topics.QUERY_MATCHES.name());
        topology.addProcessor(QUERY_MATCHES_TO_ALERTS,
                () -> new QueryAlertProcessor(QUERY_ALERT_IDS_STORE, dedupRetention, WRITE_QUERY_ALERTS,
                        WRITE_QUERY_DEAD_LETTERS),
                READ_QUERY_MATCHES);
        // query alert ids are few (none without query subscriptions): in memory, restored from the changelog on
        // start, for the reason given for surge alert ids below
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(QUERY_ALERT_IDS_STORE, dedupRetention, dedupRetention, false),
                Serdes.String(), Serdes.Long()), QUERY_MATCHES_TO_ALERTS);
        topology.addSink(WRITE_QUERY_ALERTS, Topics.ALERTS.name(), new StringSerializer(), Topics.ALERTS.valueSerde(),
                QUERY_MATCHES_TO_ALERTS);
        topology.addSink(WRITE_QUERY_DEAD_LETTERS, Topics.DEAD_LETTERS.name(), new StringSerializer(),
                Topics.DEAD_LETTERS.valueSerde(), QUERY_MATCHES_TO_ALERTS);

        // surges live on a topic with another partition count, so they get their own sub-topology and store
        topology.addSource(READ_SURGES, new StringDeserializer(), new ByteArrayDeserializer(),
                Topics.THEME_SURGES.name());
        topology.addProcessor(SURGES_TO_ALERTS,
                () -> new SurgeAlertProcessor(SURGE_ALERT_IDS_STORE, dedupRetention, WRITE_SURGE_ALERTS,
                        WRITE_SURGE_DEAD_LETTERS),
                READ_SURGES);
        // surge alerts are a few a day (none without surge subscriptions): their ids in memory, restored from the
        // changelog on start (a RocksDB store never written has no checkpointed offset, and exactly-once then
        // wipes its task on every restart); match alert ids grow with subscriptions times stories and stay on disk
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(SURGE_ALERT_IDS_STORE, dedupRetention, dedupRetention, false),
                Serdes.String(), Serdes.Long()), SURGES_TO_ALERTS);
        topology.addSink(WRITE_SURGE_ALERTS, Topics.ALERTS.name(), new StringSerializer(), Topics.ALERTS.valueSerde(),
                SURGES_TO_ALERTS);
        topology.addSink(WRITE_SURGE_DEAD_LETTERS, Topics.DEAD_LETTERS.name(), new StringSerializer(),
                Topics.DEAD_LETTERS.valueSerde(), SURGES_TO_ALERTS);
        return topology;
    }

    /**
     * Streams properties for the policy: our defaults under the caller's client settings.
     *
     * @param settings how to reach Kafka (pass-through settings win)
     * @param stateDir where the dedup stores live
     * @return properties; never null
     */
    public static Properties streamsConfig(ClientSettings settings, String stateDir) {
        Properties p = new Properties();
        p.putAll(settings.common());
        p.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        p.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // one alert per story per subscription: offsets, dedup store and output commit together
        p.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // refuse to start if a store or topic would get a generated name that shifts with topology changes
        p.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        // alerts leave one commit after the match: keep commits, fetch waits and batching short
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
        p.putIfAbsent(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
                "50");
        p.putIfAbsent(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG), "5");
        return p;
    }
}
