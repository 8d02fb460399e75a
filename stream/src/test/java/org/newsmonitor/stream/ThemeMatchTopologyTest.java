package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.themes.ThemeFiles;

/** The shape of the topology: every processor, store and internal topic is named explicitly. */
class ThemeMatchTopologyTest {
    @TempDir
    Path stateDir;

    @Test
    void shouldNameEveryProcessorAndStoreWhenTopologyIsBuilt() {
        //Given
        Topology topology = ThemeMatchTopology.build(StreamConfig.of(ClientSettings.of("dummy:9092"), stateDir),
                ThemeFiles.bundledLexicon(), (event, error) -> { });
        //When
        TopologyDescription description = topology.describe();
        Set<String> nodes = new TreeSet<>();
        Set<String> stores = new TreeSet<>();
        Set<String> repartitions = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                nodes.add(node.name());
                if (node instanceof TopologyDescription.Processor p) {
                    stores.addAll(p.stores());
                }
                if (node instanceof TopologyDescription.Sink sink && sink.topic().endsWith("-repartition")) {
                    repartitions.add(sink.topic());
                }
            }
        }
        for (TopologyDescription.GlobalStore global : description.globalStores()) {
            nodes.add(global.source().name());
            nodes.add(global.processor().name());
            stores.addAll(global.processor().stores());
        }
        //Then
        assertThat(nodes).noneMatch(n -> n.matches(".*\\d{10}.*")).contains("decode-articles",
                "deduplicate-articles", "match-themes", "assign-stories", "detect-surges", "write-theme-matches",
                "write-dead-letters", "write-surges", "read-theme-matches", "count-matches", "write-stats",
                "read-subscriptions", "write-query-matches");
        assertThat(stores).containsExactlyInAnyOrder(StoreNames.THEME_CATALOG, StoreNames.SUBSCRIPTION_QUERIES,
                StoreNames.ARTICLE_IDS, StoreNames.STORY_MEMBERS, StoreNames.THEME_COUNTS);
        assertThat(repartitions).containsExactlyInAnyOrder("story-clustering-repartition",
                "matches-to-count-repartition");
    }

    @Test
    void shouldRefuseGeneratedInternalNamesWhenBuiltUnderTheProductionConfiguration() {
        //Given a builder configured like ours, and an aggregation whose store is left unnamed
        var props = StreamConfig.of(ClientSettings.of("dummy:9092"), stateDir).toStreamsProperties();
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count();
        //When / Then
        assertThatThrownBy(builder::build).hasMessageContaining("has not been named");
    }
}
