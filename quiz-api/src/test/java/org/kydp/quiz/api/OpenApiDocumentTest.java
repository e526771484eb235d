package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.error.ErrorCode;
import org.kydp.quiz.error.QuizException;

/**
 * The served OpenAPI document describes exactly the routes the app has and every problem type it sends, and its
 * references resolve.
 */
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

    @Test
    void names_every_problem_type_the_api_sends() throws Exception {
        Set<String> sent = new TreeSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            sent.add(Problems.fromEngine(new QuizException(code, "refused")).slug());
        }
        for (int status = 400; status <= 599; status++) {
            String slug = Problems.fromStatus(status, null).slug();
            sent.add(slug.startsWith("http-") ? "http-<status>" : slug);
        }
        sent.addAll(slugsWrittenInTheSource());

        String description = document().at("/components/schemas/Problem/properties/type/description").asText();
        Set<String> documented = new TreeSet<>();
        Matcher slugs = Pattern.compile("`([a-z0-9<>-]+)`").matcher(description.substring(description.indexOf("Slugs:")));
        while (slugs.find()) {
            documented.add(slugs.group(1));
        }

        assertThat(sent).contains("malformed-json", "unavailable", "rate-limited");
        assertThat(documented).containsAll(sent);
    }

    /** Slugs the routes write themselves ({@code Problem.of(400, "malformed-json", …)}), not through a code or status. */
    private static Set<String> slugsWrittenInTheSource() throws IOException {
        Pattern written = Pattern.compile("Problem\\.of\\(\\d+, \"([a-z0-9-]+)\"|TYPE_BASE \\+ \"([a-z0-9-]+)\"");
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/kydp/quiz/api"))) {
            for (Path file : files.toList()) {
                Matcher m = written.matcher(Files.readString(file));
                while (m.find()) {
                    slugs.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return slugs;
    }
}
