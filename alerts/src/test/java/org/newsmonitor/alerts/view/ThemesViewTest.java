package org.newsmonitor.alerts.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SubTopicRef;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.json.Json;

/** GET /themes shows each theme's sub-topics with what they cover, as published on news-themes. */
class ThemesViewTest {

    @Test
    void shouldKeepTheSubTopicsAndTheirDescriptionsOfEachPublishedTheme() throws Exception {
        //Given
        ThemesView view = new ThemesView();
        view.apply("oil", new ThemeDefinition(1, "oil", "Oil", "", Polarity.MIXED, List.of(), 1, null,
                "1 [crude]: oil", 1, Instant.EPOCH, null, List.of(new SubTopicRef("crude", "Crude by pipe and sea"))));
        view.apply("gas", new ThemeDefinition(1, "gas", "Gas", "", Polarity.COOPERATION, List.of(), 1, null,
                "1: gas", 1, Instant.EPOCH, null));
        //When
        String json = Json.mapper().writeValueAsString(view.all());
        //Then
        assertThat(Json.mapper().readTree(json).get(1).get("subTopics").get(0).get("description").asText())
                .isEqualTo("Crude by pipe and sea");
        assertThat(Json.mapper().readTree(json).get(0).get("subTopics")).isEmpty();
        //When: the theme is removed
        view.apply("oil", null);
        //Then
        assertThat(view.all()).extracting(t -> t.id()).containsExactly("gas");
    }
}
