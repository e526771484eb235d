package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;
import org.kydp.quiz.model.QuestionDraw;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ReviewTiming;
import org.kydp.quiz.model.ScoringRules;

/**
 * Real responses of a running server, checked against the served OpenAPI document: for every exchange the
 * operation is found in the document by path template and method, the status must be declared for it, the
 * Content-Type must be one the response declares, required headers must be there, and the body must
 * validate against the declared schema (OpenAPI 3.1, so JSON Schema 2020-12). Objects are checked closed:
 * a field the document does not name is reported too, so a renamed field fails whether or not it is required.
 * A body the server accepted must match the request schema of its Content-Type as well. Bodies that are not
 * JSON (GIFT, CSV) are validated as the JSON string their schema describes. The administration API is checked
 * in {@link AdminOpenApiConformanceTest} with the same helpers.
 */
class OpenApiConformanceTest {

    /** The right answer to each catalogue question, as sent over the wire. */
    static final Map<String, String> RIGHT = Map.of(
            "emergency", "{\"choice\": \"b\"}",
            "never-share", "{\"choices\": [\"b\", \"a\"]}",
            "mha", "{\"value\": true}",
            "motto-word", "{\"text\": \"शांति\"}",
            "cyber-helpline", "{\"number\": 1930}",
            "report-fraud", "{\"order\": [\"call\", \"complain\", \"follow\"]}",
            "helplines", "{\"pairs\": {\"child\": \"n1098\", \"cyber\": \"n1930\", \"emergency\": \"n112\"}}",
            "topic", "{\"choice\": \"road\"}");

    /** A wrong answer to each catalogue question (the poll has none; it gets a vote). */
    static final Map<String, String> WRONG = Map.of(
            "emergency", "{\"choice\": \"a\"}",
            "never-share", "{\"choices\": [\"c\"]}",
            "mha", "{\"value\": false}",
            "motto-word", "{\"text\": \"सेवा\"}",
            "cyber-helpline", "{\"number\": 100.5}",
            "report-fraud", "{\"order\": [\"complain\", \"follow\", \"call\"]}",
            "helplines", "{\"pairs\": {\"child\": \"n112\", \"cyber\": \"n1098\", \"emergency\": \"n1930\"}}",
            "topic", "{\"choice\": \"cyber\"}");

    static final Contract CONTRACT = Contract.load();

    private final MutableClock clock = MutableClock.at("2026-02-16T04:30:00Z");
    private final QuizEngine engine = SampleQuizzes.seeded(11).clock(clock).build();
    private final ApiServer server = ApiServer.start(engine);
    private final Exchanges http = new Exchanges(CONTRACT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_catalogue_played_through_in_hindi_conforms() {
        engine.publish(SampleQuizzes.catalogue());

        String token = http.send(server.request(), "POST", "/api/v1/players", "{\"name\": \"आशा\"}")
                .expect(201).path("token");
        http.send(server.request(), "GET", "/api/v1/quizzes?lang=hi").expect(200);
        http.send(server.request().header("Accept-Language", "hi-IN,hi;q=0.9,en;q=0.8"), "GET",
                "/api/v1/quizzes/catalogue").expect(200);
        String attempt = http.send(server.as(token), "POST", "/api/v1/quizzes/catalogue/attempts").expect(201)
                .path("id");
        http.send(server.as(token), "GET", "/api/v1/attempts/" + attempt).expect(200);

        Set<String> types = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
            Exchange question = http.send(server.as(token), "GET",
                    "/api/v1/attempts/" + attempt + "/question?lang=hi").expect(200);
            String id = question.path("id");
            types.add(question.path("type"));
            String answers = "/api/v1/attempts/" + attempt + "/answers/" + id + "?lang=hi";
            http.send(server.as(token), "PUT", answers, RIGHT.get(id)).expect(200);
            http.send(server.as(token), "PUT", answers, RIGHT.get(id)).expect(200);
        }
        assertThat(types).as("question types played").hasSize(8);
        http.send(server.as(token), "GET", "/api/v1/attempts/" + attempt + "/question?lang=hi").expect(204);
        http.send(server.as(token), "GET", "/api/v1/attempts/" + attempt).expect(200);

        http.send(server.as(token), "POST", "/api/v1/attempts/" + attempt + "/finish?lang=hi").expect(200);
        http.send(server.as(token), "POST", "/api/v1/attempts/" + attempt + "/finish?lang=hi").expect(200);
        http.send(server.as(token), "GET", "/api/v1/attempts/" + attempt).expect(200);
        http.send(server.request(), "GET", "/api/v1/quizzes/catalogue/leaderboard").expect(200);
        http.send(server.request(), "GET", "/api/v1/quizzes/catalogue/leaderboard?window=week&limit=5&offset=0")
                .expect(200);
        http.send(server.as(token), "GET", "/api/v1/quizzes/catalogue/leaderboard/me?window=day&around=2")
                .expect(200);
        http.send(server.request(), "GET", "/health").expect(200);
        Exchange served = http.send(server.request(), "GET", "/openapi.json").expect(200);
        assertThat(CONTRACT.isDocument(served.response().asByteArray()))
                .as("the served document is the one checked against").isTrue();

        http.assertConformant();
        assertThat(http.covered()).as("operations and statuses exercised").contains(
                "registerPlayer 201", "listQuizzes 200", "getQuiz 200", "startAttempt 201", "getAttempt 200",
                "getCurrentQuestion 200", "getCurrentQuestion 204", "submitAnswer 200", "finishAttempt 200",
                "getLeaderboard 200", "getMyLeaderboardPosition 200", "getHealth 200", "getOpenApiDocument 200");
    }

    @Test
    void negative_marks_hidden_review_parts_draws_and_time_limits_conform() {
        engine.publish(SampleQuizzes.catalogue(rules -> rules
                .withTimeLimit(Duration.ofMinutes(10))
                .withQuestionTimeLimit(Duration.ofSeconds(20))
                .withGracePeriod(Duration.ofSeconds(1))
                .withAttemptsAllowed(1)
                .withShuffle(true, true)
                .withDraw(new QuestionDraw(7, Set.of(), Set.of()))
                .withReview(new ReviewPolicy(ReviewTiming.AFTER_FINISH, ReviewTiming.NEVER,
                        ReviewTiming.AFTER_EACH_ANSWER, ReviewTiming.NEVER, ReviewTiming.AFTER_FINISH))
                .withScoring(ScoringRules.DEFAULT.withMode(ScoringRules.Mode.SPEED).withNegativeMarking(0.5, -5)
                        .withStreakBonus(true)
                        .withMultipleResponse(ScoringRules.MultipleResponseGrading.ALL_OR_NOTHING))));

        String token = http.send(server.request(), "POST", "/api/v1/players", "{\"name\": \"रवि\"}")
                .expect(201).path("token");
        http.send(server.request(), "GET", "/api/v1/quizzes/catalogue?lang=hi").expect(200);
        String attempt = http.send(server.as(token), "POST", "/api/v1/quizzes/catalogue/attempts").expect(201)
                .path("id");

        Exchange first = http.send(server.as(token), "GET", "/api/v1/attempts/" + attempt + "/question?lang=hi")
                .expect(200);
        clock.advance(Duration.ofSeconds(22));
        http.send(server.as(token), "PUT", "/api/v1/attempts/" + attempt + "/answers/" + first.path("id"),
                WRONG.get(first.<String>path("id"))).expect(422);
        for (int i = 1; i < 7; i++) {
            Exchange question = http.send(server.as(token), "GET",
                    "/api/v1/attempts/" + attempt + "/question?lang=hi").expect(200);
            clock.advance(Duration.ofSeconds(2));
            String id = question.path("id");
            http.send(server.as(token), "PUT", "/api/v1/attempts/" + attempt + "/answers/" + id + "?lang=hi",
                    WRONG.get(id)).expect(200);
        }
        http.send(server.as(token), "GET", "/api/v1/attempts/" + attempt).expect(200);
        http.send(server.as(token), "GET", "/api/v1/attempts/" + attempt + "/question").expect(204);
        Exchange finished = http.send(server.as(token), "POST", "/api/v1/attempts/" + attempt + "/finish?lang=hi")
                .expect(200);
        assertThat(finished.<Integer>path("score")).as("this scenario should end below zero").isNegative();
        http.send(server.request(), "GET", "/api/v1/quizzes/catalogue/leaderboard").expect(200);
        http.send(server.as(token), "GET", "/api/v1/quizzes/catalogue/leaderboard/me").expect(200);
        http.send(server.as(token), "POST", "/api/v1/quizzes/catalogue/attempts").expect(409);

        http.assertConformant();
        assertThat(http.covered()).contains("submitAnswer 200", "submitAnswer 422", "finishAttempt 200",
                "startAttempt 409");
    }

    @Test
    void error_responses_conform() {
        engine.publish(SampleQuizzes.catalogue());
        String asha = http.send(server.request(), "POST", "/api/v1/players", "{\"name\": \"Asha\"}").expect(201)
                .path("token");
        String ravi = server.register("Ravi");
        String attempt = http.send(server.as(asha), "POST", "/api/v1/quizzes/catalogue/attempts").expect(201)
                .path("id");
        String question = "/api/v1/attempts/" + attempt + "/question";
        String answers = "/api/v1/attempts/" + attempt + "/answers/";

        // 400
        http.send(server.request(), "POST", "/api/v1/players", "{\"name\": ").expect(400);
        http.send(server.request(), "POST", "/api/v1/players", "").expect(400);
        http.send(server.as(asha), "PUT", answers + "emergency", "{\"choice\": ").expect(400);
        // 401
        http.send(server.request(), "POST", "/api/v1/quizzes/catalogue/attempts").expect(401);
        http.send(server.request().header("Authorization", "Bearer nope"), "GET", "/api/v1/attempts/" + attempt)
                .expect(401);
        http.send(server.request().header("Authorization", "Basic YTpi"), "GET", question).expect(401);
        http.send(server.request(), "PUT", answers + "emergency", RIGHT.get("emergency")).expect(401);
        http.send(server.request(), "POST", "/api/v1/attempts/" + attempt + "/finish").expect(401);
        http.send(server.request(), "GET", "/api/v1/quizzes/catalogue/leaderboard/me").expect(401);
        // 404
        http.send(server.request(), "GET", "/api/v1/quizzes/no-such-quiz").expect(404);
        http.send(server.as(asha), "POST", "/api/v1/quizzes/no-such-quiz/attempts").expect(404);
        http.send(server.request(), "GET", "/api/v1/quizzes/no-such-quiz/leaderboard").expect(404);
        http.send(server.as(ravi), "GET", "/api/v1/attempts/" + attempt).expect(404);
        http.send(server.as(ravi), "GET", question).expect(404);
        http.send(server.as(ravi), "POST", "/api/v1/attempts/" + attempt + "/finish").expect(404);
        http.send(server.as(asha), "PUT", answers + "nope", RIGHT.get("emergency")).expect(404);
        http.send(server.as(ravi), "GET", "/api/v1/quizzes/catalogue/leaderboard/me").expect(404);
        // 405
        http.send(server.request(), "DELETE", "/api/v1/players").expect(405);
        http.send(server.request(), "POST", "/api/v1/quizzes/catalogue").expect(405);
        http.send(server.request(), "PUT", "/health", "{}").expect(405);
        // 409
        http.send(server.as(asha), "PUT", answers + "never-share", RIGHT.get("never-share")).expect(409);
        http.send(server.as(asha), "GET", question).expect(200);
        http.send(server.as(asha), "PUT", answers + "emergency", WRONG.get("emergency")).expect(200);
        http.send(server.as(asha), "PUT", answers + "emergency", RIGHT.get("emergency")).expect(409);
        // 413
        http.send(server.request(), "POST", "/api/v1/players", "{\"name\": \"" + "a".repeat(70_000) + "\"}")
                .expect(413);
        http.send(server.as(asha), "PUT", answers + "never-share",
                "{\"text\": \"" + "x".repeat(70_000) + "\"}").expect(413);
        // 422
        http.send(server.request(), "POST", "/api/v1/players", "{\"name\": \"<b>\"}").expect(422);
        http.send(server.request(), "POST", "/api/v1/players", "[\"Asha\"]").expect(422);
        http.send(server.request(), "GET", "/api/v1/quizzes?limit=0").expect(422);
        http.send(server.request(), "GET", "/api/v1/quizzes?cursor=%25%25").expect(422);
        http.send(server.request(), "GET", "/api/v1/quizzes/catalogue/leaderboard?window=year").expect(422);
        http.send(server.as(asha), "GET", "/api/v1/quizzes/catalogue/leaderboard/me?around=80").expect(422);
        http.send(server.as(asha), "GET", question).expect(200);
        http.send(server.as(asha), "PUT", answers + "never-share", "{\"value\": true}").expect(422);
        http.send(server.as(asha), "PUT", answers + "never-share", "{\"choices\": [\"a\", \"a\"]}").expect(422);
        http.send(server.as(asha), "PUT", answers + "never-share", "{}").expect(422);
        // 409 once finished
        http.send(server.as(asha), "POST", "/api/v1/attempts/" + attempt + "/finish").expect(200);
        http.send(server.as(asha), "GET", question).expect(409);
        http.send(server.as(asha), "PUT", answers + "never-share", RIGHT.get("never-share")).expect(409);

        http.assertConformant();
        assertThat(http.covered()).contains("registerPlayer 400", "submitAnswer 400", "startAttempt 401",
                "getAttempt 401", "getCurrentQuestion 401", "submitAnswer 401", "finishAttempt 401",
                "getMyLeaderboardPosition 401", "getQuiz 404", "startAttempt 404", "getLeaderboard 404",
                "getAttempt 404", "getCurrentQuestion 404", "finishAttempt 404", "submitAnswer 404",
                "getMyLeaderboardPosition 404", "DELETE /api/v1/players 405", "POST /api/v1/quizzes/{quizId} 405",
                "PUT /health 405", "submitAnswer 409", "getCurrentQuestion 409", "registerPlayer 413",
                "submitAnswer 413", "registerPlayer 422", "listQuizzes 422", "getLeaderboard 422",
                "getMyLeaderboardPosition 422", "submitAnswer 422");
    }

    @Test
    void the_limits_per_address_conform() {
        engine.publish(SampleQuizzes.catalogue());
        ApiConfig twoAMinute = ApiConfig.defaults().withAdminToken("test-admin-token-0123456789")
                .withRateLimitPerMinute(2).withAuthFailuresPerMinute(2);
        try (ApiServer strict = ApiServer.start(engine, twoAMinute)) {
            String token = http.send(strict.request(), "POST", "/api/v1/players", "{\"name\": \"Asha\"}")
                    .expect(201).path("token");
            String attempt = "/api/v1/attempts/" + http.send(strict.as(token), "POST",
                    "/api/v1/quizzes/catalogue/attempts").expect(201).<String>path("id");
            http.send(strict.request(), "POST", "/api/v1/players", "{\"name\": \"Ravi\"}").expect(429);
            http.send(strict.as(token), "POST", "/api/v1/quizzes/catalogue/attempts").expect(429);
            // two failed authentications, then even the right token is refused for a while
            http.send(strict.as("guess"), "GET", attempt).expect(401);
            http.send(strict.request(), "GET", attempt + "/question").expect(401);
            http.send(strict.as(token), "GET", attempt).expect(429);
            http.send(strict.as(token), "GET", attempt + "/question").expect(429);
            http.send(strict.as(token), "PUT", attempt + "/answers/emergency", RIGHT.get("emergency")).expect(429);
            http.send(strict.as(token), "POST", attempt + "/finish").expect(429);
            http.send(strict.as(token), "GET", "/api/v1/quizzes/catalogue/leaderboard/me").expect(429);
            clock.advance(Duration.ofSeconds(30));
            http.send(strict.as(token), "GET", attempt).expect(200);
        }

        http.assertConformant();
        assertThat(http.covered()).contains("registerPlayer 429", "startAttempt 429", "getAttempt 429",
                "getCurrentQuestion 429", "submitAnswer 429", "finishAttempt 429", "getMyLeaderboardPosition 429");
    }

    /** The check is not vacuous: a renamed field, a missing one, a wrong type and an undeclared status all fail. */
    @Test
    void the_check_reports_renamed_and_missing_fields_and_undeclared_statuses() throws Exception {
        engine.publish(SampleQuizzes.catalogue());
        String token = server.register("Meera");
        String attempt = server.as(token).post("/api/v1/quizzes/catalogue/attempts").path("id");
        String question = "/api/v1/attempts/" + attempt + "/question";
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(
                server.as(token).get(question).then().statusCode(200).extract().asByteArray());
        assertThat(body.path("options").isArray()).as("the first catalogue question has options").isTrue();

        ObjectNode renamed = body.deepCopy();
        renamed.set("timeLimit", renamed.remove("timeLimitMs"));
        assertThat(CONTRACT.check("GET", question, 200, "application/json", Map.of(), renamed.toString()))
                .anySatisfy(v -> assertThat(v).contains("timeLimitMs"))
                .anySatisfy(v -> assertThat(v).contains("timeLimit"));

        ObjectNode optionsRenamed = body.deepCopy();
        optionsRenamed.set("choices", optionsRenamed.remove("options"));
        assertThat(CONTRACT.check("GET", question, 200, "application/json", Map.of(), optionsRenamed.toString()))
                .anySatisfy(v -> assertThat(v).contains("options"))
                .anySatisfy(v -> assertThat(v).contains("choices"));

        ObjectNode mistyped = body.deepCopy();
        mistyped.put("points", "10");
        assertThat(CONTRACT.check("GET", question, 200, "application/json", Map.of(), mistyped.toString()))
                .anySatisfy(v -> assertThat(v).contains("points"));

        assertThat(CONTRACT.check("GET", question, 200, "text/html", Map.of(), body.toString()))
                .anySatisfy(v -> assertThat(v).contains("Content-Type"));
        assertThat(CONTRACT.check("GET", question, 418, "application/problem+json", Map.of(), "{}"))
                .anySatisfy(v -> assertThat(v).contains("418").contains("not declared"));
        assertThat(CONTRACT.check("POST", "/api/v1/quizzes/x/attempts", 201, "application/json", Map.of(),
                "{}")).anySatisfy(v -> assertThat(v).contains("Location"));
    }

    // ------------------------------------------------------------------------------------------------------

    /** One request and its response, already checked against the contract. */
    record Exchange(String label, int status, Response response) {

        Exchange expect(int expected) {
            assertThat(status).as("%s answered %d, expected %d: %s", label, status, expected,
                    abbreviate(response.asString())).isEqualTo(expected);
            return this;
        }

        <T> T path(String jsonPath) {
            return response.path(jsonPath);
        }
    }

    /** Sends requests and checks every response against the contract, keeping what fails and what was covered. */
    static final class Exchanges {

        private final Contract contract;
        private final List<String> violations = new ArrayList<>();
        private final Set<String> covered = new LinkedHashSet<>();
        private int count;

        Exchanges(Contract contract) {
            this.contract = contract;
        }

        Exchange send(RequestSpecification request, String method, String pathAndQuery) {
            return send(request, method, pathAndQuery, null);
        }

        Exchange send(RequestSpecification request, String method, String pathAndQuery, String body) {
            String requestType = request instanceof FilterableRequestSpecification filterable
                    ? filterable.getContentType() : null;
            if (body != null) {
                request = request.body(body.getBytes(StandardCharsets.UTF_8));
            }
            Response response = request.urlEncodingEnabled(false).request(method, pathAndQuery);
            String label = method + " " + pathAndQuery;
            Map<String, String> headers = new HashMap<>();
            response.getHeaders().forEach(h -> headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue()));
            String responseBody = new String(response.asByteArray(), StandardCharsets.UTF_8);
            String path = pathAndQuery.replaceFirst("\\?.*$", "");
            List<String> found = new ArrayList<>(contract.check(method, path, response.statusCode(),
                    response.getContentType(), headers, responseBody));
            if (body != null && response.statusCode() / 100 == 2) {
                found.addAll(contract.checkRequestBody(method, path, requestType, body));
            }
            if (!found.isEmpty()) {
                violations.add(label + " → " + response.statusCode() + " " + response.getContentType() + "\n  - "
                        + String.join("\n  - ", found) + "\n  response body: " + abbreviate(responseBody));
            }
            covered.add(contract.operationLabel(method, path) + " " + response.statusCode());
            count++;
            return new Exchange(label, response.statusCode(), response);
        }

        Set<String> covered() {
            return covered;
        }

        void assertConformant() {
            assertThat(count).isPositive();
            assertThat(violations)
                    .as("responses that do not match the OpenAPI document (%d exchanges checked)", count)
                    .isEmpty();
        }
    }

    /**
     * The served OpenAPI document as a contract. Schemas are validated with the OpenAPI 3.1 dialect (JSON Schema
     * 2020-12) from a copy of the document in which every object schema with {@code properties} and no
     * {@code additionalProperties} is closed, so undeclared fields are reported.
     */
    static final class Contract {

        private static final String RESOURCE = "/org/kydp/quiz/api/openapi.json";
        private static final String DOCUMENT_IRI = "https://kydp-quiz.org/openapi.json";
        private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
                "trace");

        private final JsonNode document;
        private final SchemaRegistry registry;
        private final Map<String, Schema> schemas = new HashMap<>();
        private final List<PathTemplate> templates = new ArrayList<>();

        private record PathTemplate(String template, Pattern pattern, int parameters) {
        }

        /** A response object found in the document, with its JSON pointer there. */
        private record Located(JsonNode node, String pointer) {
        }

        private Contract(JsonNode document) {
            this.document = document;
            ObjectNode strict = document.deepCopy();
            closeObjects(strict);
            this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemas(Map.of(DOCUMENT_IRI, strict.toString()))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .locale(Locale.ENGLISH)
                            .build()));
            document.path("paths").fieldNames().forEachRemaining(template -> {
                String regex = "\\Q" + template.replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
                int parameters = template.split("\\{", -1).length - 1;
                templates.add(new PathTemplate(template, Pattern.compile(regex), parameters));
            });
            templates.sort(Comparator.comparingInt(PathTemplate::parameters));
        }

        static Contract load() {
            try (InputStream in = OpenApiConformanceTest.class.getResourceAsStream(RESOURCE)) {
                assertThat(in).as("the OpenAPI document on the class path").isNotNull();
                return new Contract(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isDocument(byte[] json) {
            try {
                return new ObjectMapper().readTree(json).equals(document);
            } catch (IOException e) {
                return false;
            }
        }

        /** The path template of the document that a concrete path matches; concrete templates win. */
        Optional<String> template(String path) {
            return templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(PathTemplate::template)
                    .findFirst();
        }

        /** "operationId", or "METHOD /template" when the path has no such operation. */
        String operationLabel(String method, String path) {
            return template(path).map(t -> {
                JsonNode operation = document.path("paths").path(t).path(method.toLowerCase(Locale.ROOT));
                return operation.has("operationId") ? operation.get("operationId").asText()
                        : method.toUpperCase(Locale.ROOT) + " " + t;
            }).orElse(method.toUpperCase(Locale.ROOT) + " " + path);
        }

        /** Everything about one response that does not match the document; empty when it conforms. */
        List<String> check(String method, String path, int status, String contentType, Map<String, String> headers,
                           String body) {
            List<String> violations = new ArrayList<>();
            Optional<String> template = template(path);
            if (template.isEmpty()) {
                violations.add("no path of the document matches " + path);
                return violations;
            }
            JsonNode pathItem = document.path("paths").path(template.get());
            String verb = method.toLowerCase(Locale.ROOT);
            String pathPointer = "/paths/" + escape(template.get());
            List<Located> responses = new ArrayList<>();
            if (pathItem.has(verb)) {
                Located response = response(pathPointer + "/" + verb, pathItem.get(verb), status);
                if (response == null) {
                    violations.add("status " + status + " is not declared for " + operationLabel(method, path));
                    return violations;
                }
                responses.add(response);
            } else {
                // A method the path does not have: the answer must be the 405 that each of its operations declares.
                if (status != 405) {
                    violations.add(method + " is not an operation of " + template.get() + ", yet the status is "
                            + status + " rather than 405");
                    return violations;
                }
                for (Iterator<String> verbs = pathItem.fieldNames(); verbs.hasNext(); ) {
                    String other = verbs.next();
                    if (METHODS.contains(other)) {
                        Located response = response(pathPointer + "/" + other, pathItem.get(other), 405);
                        if (response == null) {
                            violations.add("405 is not declared for " + pathItem.get(other).path("operationId")
                                    .asText(other + " " + template.get()));
                        } else {
                            responses.add(response);
                        }
                    }
                }
            }
            for (Located response : responses) {
                checkContent(response, contentType, body, violations);
                checkHeaders(response, headers, violations);
            }
            return violations;
        }

        /**
         * For a request the server accepted: its body must be one the document's request schema for its
         * Content-Type (application/json when none is given) accepts too.
         */
        List<String> checkRequestBody(String method, String path, String contentType, String body) {
            Optional<String> template = template(path);
            if (template.isEmpty()) {
                return List.of();
            }
            String verb = method.toLowerCase(Locale.ROOT);
            JsonNode content = document.path("paths").path(template.get()).path(verb).path("requestBody")
                    .path("content");
            String mediaType = contentType == null || contentType.isBlank() ? "application/json"
                    : mediaType(contentType);
            if (!content.has(mediaType)) {
                return List.of("the server accepted a body, but the operation declares no " + mediaType + " body");
            }
            String pointer = "/paths/" + escape(template.get()) + "/" + verb + "/requestBody/content/"
                    + escape(mediaType) + "/schema";
            return validate(pointer, asJson(mediaType, body)).stream()
                    .map(e -> "request body accepted by the server but not by " + describe(pointer) + ": " + e)
                    .toList();
        }

        /**
         * The events a {@code text/event-stream} response declares, by name, each with the pointer of the schema of
         * its {@code data}: the cases of the stream's {@code x-itemSchema} (what OpenAPI 3.2 calls
         * {@code itemSchema}), each an {@code event} const and a {@code data} {@code contentSchema}.
         */
        Map<String, String> eventSchemas(String method, String path) {
            JsonNode frame = follow(new Located(eventStream(method, path).path("x-itemSchema"), "")).node();
            Map<String, String> schemas = new java.util.LinkedHashMap<>();
            for (JsonNode option : frame.path("oneOf")) {
                JsonNode properties = option.path("properties");
                String ref = properties.path("data").path("contentSchema").path("$ref").asText("");
                assertThat(ref).as("the data schema of event %s", option.path("title")).startsWith("#/");
                schemas.put(properties.path("event").path("const").asText(), ref.substring(1));
            }
            return schemas;
        }

        /**
         * Everything about one event of a stream that does not match the document: the frame (id, event name, data)
         * must validate against the stream's {@code x-itemSchema}, and the data against the schema the document
         * gives that event's name (objects closed, as everywhere).
         */
        List<String> checkEvent(String method, String path, String name, String id, String data) {
            String label = "event " + name + " (id " + id + ")";
            List<String> violations = new ArrayList<>();
            String framePointer = eventStream(method, path).path("x-itemSchema").path("$ref").asText("").substring(1);
            ObjectNode frame = new ObjectMapper().createObjectNode();
            frame.put("id", id).put("event", name).put("data", data);
            validate(framePointer, frame.toString()).forEach(e -> violations.add(label + ": frame does not match #"
                    + framePointer + ": " + e));
            String schema = eventSchemas(method, path).get(name);
            if (schema == null) {
                violations.add(label + ": the document declares no event of this name");
                return violations;
            }
            validate(schema, data).forEach(e -> violations.add(label + ": data does not match #" + schema + ": " + e));
            return violations;
        }

        private JsonNode eventStream(String method, String path) {
            String template = template(path).orElseThrow(() -> new AssertionError("no path of the document matches "
                    + path));
            JsonNode media = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT))
                    .path("responses").path("200").path("content").path("text/event-stream");
            assertThat(media.isMissingNode()).as("%s %s declares a text/event-stream", method, template).isFalse();
            return media;
        }

        /** The example a response's media type gives, as text. */
        String example(String method, String path, int status, String mediaType) {
            String template = template(path).orElseThrow();
            return document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT)).path("responses")
                    .path(String.valueOf(status)).path("content").path(mediaType).path("example").asText();
        }

        private static String mediaType(String contentType) {
            return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        }

        /** A JSON body as it is; any other (text/plain, text/csv) as the JSON string its schema describes. */
        private static String asJson(String mediaType, String body) {
            boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
            return json ? body : new ObjectMapper().getNodeFactory().textNode(body).toString();
        }

        private Located response(String operationPointer, JsonNode operation, int status) {
            JsonNode responses = operation.path("responses");
            for (String key : List.of(String.valueOf(status), status / 100 + "XX", "default")) {
                if (responses.has(key)) {
                    return follow(new Located(responses.get(key), operationPointer + "/responses/" + escape(key)));
                }
            }
            return null;
        }

        /** Follows an OpenAPI reference object to what it names in this document. */
        private Located follow(Located located) {
            while (located.node().has("$ref")) {
                String ref = located.node().get("$ref").asText();
                assertThat(ref).as("a reference within the document").startsWith("#/");
                JsonNode target = document.at(ref.substring(1));
                assertThat(target.isMissingNode()).as("reference %s resolves", ref).isFalse();
                located = new Located(target, ref.substring(1));
            }
            return located;
        }

        private void checkContent(Located response, String contentType, String body, List<String> violations) {
            JsonNode content = response.node().path("content");
            if (content.isMissingNode() || content.isEmpty()) {
                if (body != null && !body.isEmpty()) {
                    violations.add("the document declares no body for " + describe(response.pointer())
                            + " but the response has one");
                }
                return;
            }
            String mediaType = contentType == null ? "" : mediaType(contentType);
            if (!content.has(mediaType)) {
                List<String> declared = new ArrayList<>();
                content.fieldNames().forEachRemaining(declared::add);
                violations.add("Content-Type '" + contentType + "' is not one declared for "
                        + describe(response.pointer()) + " " + declared);
                return;
            }
            if (body == null || body.isEmpty()) {
                violations.add("the response has no body, but " + describe(response.pointer()) + " declares "
                        + mediaType);
                return;
            }
            String pointer = response.pointer() + "/content/" + escape(mediaType) + "/schema";
            for (String error : validate(pointer, asJson(mediaType, body))) {
                violations.add("body does not match " + describe(pointer) + ": " + error);
            }
        }

        private void checkHeaders(Located response, Map<String, String> headers, List<String> violations) {
            JsonNode declared = response.node().path("headers");
            for (Iterator<String> names = declared.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Located header = follow(new Located(declared.get(name),
                        response.pointer() + "/headers/" + escape(name)));
                String value = headers.get(name.toLowerCase(Locale.ROOT));
                if (value == null) {
                    if (header.node().path("required").asBoolean(false)) {
                        violations.add("required header " + name + " is missing");
                    }
                    continue;
                }
                if (header.node().has("schema")) {
                    String json = new ObjectMapper().getNodeFactory().textNode(value).toString();
                    for (String error : validate(header.pointer() + "/schema", json)) {
                        violations.add("header " + name + ": '" + value + "' does not match "
                                + describe(header.pointer()) + ": " + error);
                    }
                }
            }
        }

        private List<String> validate(String pointer, String json) {
            Schema schema = schemas.computeIfAbsent(pointer,
                    p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
            List<Error> errors = schema.validate(json, InputFormat.JSON);
            return errors.stream().map(e -> {
                String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
                return "at " + (at.isEmpty() ? "/" : at) + " [" + e.getKeyword() + "] " + e.getMessage();
            }).toList();
        }

        /** What a pointer names, for messages: the schema it refers to, else the pointer itself. */
        private String describe(String pointer) {
            String ref = document.at(pointer).path("$ref").asText("");
            return ref.isEmpty() ? "#" + pointer : ref;
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }

        /** Closes every object schema reachable from the document's schema slots. */
        private static void closeObjects(ObjectNode document) {
            document.path("components").path("schemas").forEach(Contract::closeSchema);
            closeSchemaSlots(document.path("paths"));
            closeSchemaSlots(document.path("components").path("responses"));
            closeSchemaSlots(document.path("components").path("headers"));
        }

        private static void closeSchemaSlots(JsonNode node) {
            if (node.isObject()) {
                node.properties().forEach(field -> {
                    if (field.getKey().equals("schema")) {
                        closeSchema(field.getValue());
                    } else if (!field.getKey().equals("examples") && !field.getKey().equals("example")) {
                        closeSchemaSlots(field.getValue());
                    }
                });
            } else if (node.isArray()) {
                node.forEach(Contract::closeSchemaSlots);
            }
        }

        private static void closeSchema(JsonNode schema) {
            if (!(schema instanceof ObjectNode object)) {
                return;
            }
            JsonNode type = object.path("type");
            boolean isObject = type.asText("").equals("object")
                    || (type.isArray() && type.toString().contains("\"object\""));
            if (isObject && object.has("properties") && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties") && !object.has("patternProperties")) {
                object.put("additionalProperties", false);
            }
            object.path("properties").forEach(Contract::closeSchema);
            for (String keyword : List.of("items", "additionalProperties", "not", "if", "then", "else",
                    "propertyNames", "contains")) {
                closeSchema(object.path(keyword));
            }
            for (String keyword : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
                if (object.path(keyword) instanceof ArrayNode array) {
                    array.forEach(Contract::closeSchema);
                }
            }
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 600 ? flat : flat.substring(0, 600) + "…";
    }
}
