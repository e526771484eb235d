package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;

/** The served OpenAPI document describes exactly the routes the app has, and its references resolve. */
class OpenApiDocumentTest {

    private final Javalin app = QuizApi.create(QuizEngine.builder().build(),
            ApiConfig.defaults().withPort(0));

    private JsonNode document() throws Exception {
        try (var in = QuizApi.class.getResourceAsStream("/org/kydp/quiz/api/openapi.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void documents_every_route_and_no_other() throws Exception {
        Set<String> routes = new HashSet<>();
        // Only endpoints: before/after filters (the admin token check, the body size limit) are not operations.
        app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .forEach(parsed -> routes.add(
                        parsed.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + parsed.endpoint.path));

        Set<String> documented = new HashSet<>();
        JsonNode paths = document().get("paths");
        for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
            String path = p.next();
            paths.get(path).fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    documented.add(method + " " + path);
                }
            });
        }

        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void every_reference_resolves() throws Exception {
        JsonNode document = document();
        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/([^\"]+)\"").matcher(document.toString());
        int count = 0;
        while (refs.find()) {
            JsonNode target = document.at("/" + refs.group(1));
            assertThat(target.isMissingNode()).as("reference #/%s", refs.group(1)).isFalse();
            count++;
        }
        assertThat(count).isPositive();
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    }
}
