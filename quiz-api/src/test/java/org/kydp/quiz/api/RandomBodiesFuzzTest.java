package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.kydp.quiz.MutableClock;
import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

/**
 * Thousands of random JSON bodies — random shapes, types, sizes and Unicode, often with the field names
 * the endpoints look for — sent to every write endpoint: never a 5xx, always problem+json for a refusal,
 * and the server still plays a quiz afterwards. Each seed is one batch; a failure names its seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomBodiesFuzzTest {

    private static final String ADMIN = "test-admin-token-0123456789";
    private static final List<String> FIELDS = List.of("name", "choice", "choices", "value", "text", "number", "order",
            "pairs", "id", "type", "questions", "options", "answer", "title", "languages", "rules", "correct");
    private static final String[] STRINGS = {"", " ", "a", "b", "emergency", "शांति", "😀", "\u0000", "\u202E",
        "<script>", "' OR 1=1 --", "\\", "\"", "l1", "r1", "1e309", "NaN", "-0"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final QuizEngine engine = QuizEngine.builder().clock(MutableClock.at("2026-02-16T04:30:00Z")).build();
    private ApiServer server;
    private String token;
    private List<String> writeTargets;

    @BeforeAll
    void start() {
        engine.publish(SampleQuizzes.catalogue());
        server = ApiServer.start(engine, ApiConfig.defaults().withAdminToken(ADMIN).withRateLimitPerMinute(0));
        token = server.register("Fuzzer");
        String attempt = server.as(token).post("/api/v1/quizzes/catalogue/attempts").path("id");
        server.as(token).get("/api/v1/attempts/" + attempt + "/question");
        writeTargets = List.of("POST /api/v1/players", "PUT /api/v1/attempts/" + attempt + "/answers/emergency",
                "PUT /api/v1/attempts/" + attempt + "/answers/never-share", "POST /api/v1/quizzes/catalogue/attempts",
                "POST /api/v1/admin/quizzes", "PUT /api/v1/admin/quizzes/catalogue",
                "POST /api/v1/admin/import?format=json", "POST /api/v1/admin/import?format=csv&quizId=fuzz",
                "POST /api/v1/admin/import?format=gift&quizId=fuzz", "POST /api/v1/admin/import?format=opentdb&quizId=fuzz");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_bodies_never_cause_a_server_error(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            String target = writeTargets.get(random.nextInt(writeTargets.size()));
            String[] methodAndPath = target.split(" ", 2);
            String body = value(random, 0);
            HttpResponse<String> response = send(methodAndPath[0], methodAndPath[1], body,
                    methodAndPath[1].startsWith("/api/v1/admin") ? ADMIN : token);

            assertThat(response.statusCode()).as("seed %d, %s with %s: %s", seed, target, abbreviated(body),
                    response.body()).isLessThan(500);
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type")).as("seed %d", seed)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
        server.request().get("/health").then().statusCode(200);
        String player = server.register("After " + seed);
        String attempt = server.as(player).post("/api/v1/quizzes/catalogue/attempts").then().statusCode(201)
                .extract().path("id");
        server.as(player).get("/api/v1/attempts/" + attempt + "/question").then().statusCode(200);
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException closedWhileIdle) {
                // The JDK client can pick a pooled connection the server has just closed (after a response it
                // ended with Connection: close); such a request never reached the server, so send it once more.
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String value(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 9);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> number(random);
            case 3, 4 -> string(random);
            case 5 -> random.nextBoolean() ? "{}" : "[]";
            case 6 -> array(random, depth);
            default -> object(random, depth);
        };
    }

    private static String object(SplittableRandom random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            String key = random.nextInt(4) > 0 ? FIELDS.get(random.nextInt(FIELDS.size())) : rawString(random);
            out.append(i == 0 ? "" : ",").append(quote(key)).append(':').append(value(random, depth + 1));
        }
        return out.append('}').toString();
    }

    private static String array(SplittableRandom random, int depth) {
        StringBuilder out = new StringBuilder("[");
        int size = random.nextInt(random.nextInt(10) == 0 ? 200 : 5);
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(value(random, depth + 1));
        }
        return out.append(']').toString();
    }

    private static String number(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> Double.toString(random.nextDouble() * 1e6 - 5e5);
            case 2 -> "1e" + random.nextInt(-400, 400);
            case 3 -> "-0";
            case 4 -> "9".repeat(random.nextInt(1, 400));
            default -> Integer.toString(random.nextInt(-3, 2000));
        };
    }

    private static String string(SplittableRandom random) {
        return quote(rawString(random));
    }

    private static String rawString(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(random.nextInt(20) == 0 ? 3000 : 12);
        for (int i = 0; i < length; i++) {
            int block = random.nextInt(5);
            int codePoint = switch (block) {
                case 0 -> random.nextInt(0x20, 0x7F);
                case 1 -> random.nextInt(0x0900, 0x0980);
                case 2 -> random.nextInt(0, 0x20);
                case 3 -> random.nextInt(0x1F600, 0x1F650);
                default -> random.nextInt(0xA0, 0x3000);
            };
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
