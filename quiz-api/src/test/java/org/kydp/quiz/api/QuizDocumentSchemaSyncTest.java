package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The quiz document's JSON Schema file says what the OpenAPI document says of it, schema by schema. */
class QuizDocumentSchemaSyncTest {

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = QuizApi.class.getResourceAsStream(path)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void every_definition_matches_the_openapi_component_of_the_same_name() throws IOException {
        JsonNode schema = read("/org/kydp/quiz/content/quiz-document.schema.json");
        JsonNode components = read("/org/kydp/quiz/api/openapi.json").path("components").path("schemas");
        String openApi = components.toString().replace("#/components/schemas/", "#/$defs/");
        JsonNode rewritten = new ObjectMapper().readTree(openApi);

        int compared = 0;
        for (Iterator<String> names = schema.path("$defs").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode expected = withoutOpenApiKeywords(rewritten.path(name).deepCopy());
            assertThat(schema.path("$defs").path(name)).as(name).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isGreaterThan(10);
        assertThat(schema.path("properties")).isEqualTo(
                withoutOpenApiKeywords(rewritten.path("QuizDocument").deepCopy()).path("properties"));
    }

    private static JsonNode withoutOpenApiKeywords(JsonNode node) {
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(java.util.List.of("discriminator", "example"));
        }
        node.forEach(QuizDocumentSchemaSyncTest::withoutOpenApiKeywords);
        return node;
    }
}
