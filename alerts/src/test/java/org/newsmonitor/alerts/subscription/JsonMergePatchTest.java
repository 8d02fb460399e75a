package org.newsmonitor.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsmonitor.contracts.json.Json;

class JsonMergePatchTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\":\"b\"}                  | {\"a\":\"c\"}            | {\"a\":\"c\"}",
        "{\"a\":\"b\"}                  | {\"b\":\"c\"}            | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}                  | {\"a\":null}             | {}",
        "{\"a\":\"b\",\"b\":\"c\"}      | {\"a\":null}             | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}                | {\"a\":\"c\"}            | {\"a\":\"c\"}",
        "{\"a\":{\"b\":\"c\"}}          | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}        | {\"a\":[1]}              | {\"a\":[1]}",
        "[\"a\",\"b\"]                  | [\"c\",\"d\"]            | [\"c\",\"d\"]",
        "{\"a\":\"b\"}                  | [\"c\"]                  | [\"c\"]",
        "{\"e\":null}                   | {\"a\":1}                | {\"e\":null,\"a\":1}",
        "[1,2]                          | {\"a\":\"b\",\"c\":null} | {\"a\":\"b\"}",
        "{}                             | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}",
    })
    void shouldMergeAsRfc7396Says(String target, String patch, String expected) throws Exception {
        //When
        JsonNode result = JsonMergePatch.apply(read(target), read(patch));
        //Then
        assertThat(result).isEqualTo(read(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"a\":\"b\"} | null"})
    void shouldRemoveTheWholeDocumentWithANullPatch(String target, String patch) throws Exception {
        assertThat(JsonMergePatch.apply(read(target), read(patch))).isNull();
    }

    private static JsonNode read(String json) throws Exception {
        return Json.mapper().readTree(json);
    }
}
