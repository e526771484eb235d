package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.SampleQuizzes;

/**
 * A saturated server queues requests up to its limits and refuses the rest at once with {@code 503}, a
 * {@code Retry-After} and a problem document, having changed nothing for them.
 */
class OverloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "test-admin-token-0123456789";

    private final QuizEngine engine = QuizEngine.builder().build();
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    OverloadTest() {
        engine.publish(SampleQuizzes.helplines());
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (app != null) {
            ApiServer.stopNow(app);
        }
    }

    /** Starts the API with a route that holds its request until released, to fill the server. */
    private void start(ApiConfig config) {
        app = QuizApi.create(engine, config.withPort(0).withRateLimitPerMinute(0),
                javalin -> javalin.routes.get("/busy", ctx -> {
                    inside.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    ctx.result("done");
                })).start();
    }

    private CompletableFuture<HttpResponse<String>> busy() throws InterruptedException {
        CompletableFuture<HttpResponse<String>> busy = send(get("/busy"));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return busy;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(Duration.ofSeconds(30));
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_request_that_finds_the_queue_full_is_refused_at_once_with_503_retry_after_and_a_problem() throws Exception {
        start(ApiConfig.defaults().withMaxConcurrentRequests(1).withMaxQueuedRequests(0));
        CompletableFuture<HttpResponse<String>> busy = busy();

        HttpResponse<String> refused = send(get("/api/v1/quizzes")).get(30, TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; "
                + "frame-ancestors 'none'");
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo(Problem.TYPE_BASE + "unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        release.countDown();
        assertThat(busy.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(admitted(() -> get("/api/v1/quizzes")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_queued_request_is_served_when_a_request_before_it_ends() throws Exception {
        start(ApiConfig.defaults().withMaxConcurrentRequests(1).withMaxQueuedRequests(10)
                .withMaxQueueWait(Duration.ofSeconds(60)));
        CompletableFuture<HttpResponse<String>> busy = busy();

        CompletableFuture<HttpResponse<String>> queued = send(get("/api/v1/quizzes"));
        QoSHandler queue = app.jettyServer().server().getDescendant(QoSHandler.class);
        for (int i = 0; i < 10_000 && queue.getSuspendedRequestCount() == 0; i++) {
            Thread.sleep(1);
        }
        assertThat(queue.getSuspendedRequestCount()).as("requests waiting").isEqualTo(1);
        assertThat(queued).isNotDone();
        release.countDown();

        assertThat(queued.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(busy.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void a_request_that_waits_longer_than_the_longest_wait_is_refused_with_503() throws Exception {
        start(ApiConfig.defaults().withMaxConcurrentRequests(1).withMaxQueuedRequests(10)
                .withMaxQueueWait(Duration.ofMillis(100)));
        busy();

        HttpResponse<String> refused = send(get("/api/v1/quizzes")).get(30, TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(refused.body()).get("type").asText()).isEqualTo(Problem.TYPE_BASE + "unavailable");
    }

    @Test
    void an_answer_refused_with_503_is_not_recorded_and_can_be_sent_again() throws Exception {
        start(ApiConfig.defaults().withMaxConcurrentRequests(1).withMaxQueuedRequests(0));
        List<String> tokens = new ArrayList<>();
        List<String> attempts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = JSON.readTree(send(post("/api/v1/players", null, "{\"name\": \"Player " + i + "\"}"))
                    .get(30, TimeUnit.SECONDS).body()).get("token").asText();
            String attempt = JSON.readTree(send(post("/api/v1/quizzes/helplines/attempts", token, null))
                    .get(30, TimeUnit.SECONDS).body()).get("id").asText();
            assertThat(send(get("/api/v1/attempts/" + attempt + "/question").header("Authorization", "Bearer " + token))
                    .get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            tokens.add(token);
            attempts.add(attempt);
        }
        CompletableFuture<HttpResponse<String>> held = busy();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = send(answer(tokens.get(i), attempts.get(i))).get(30, TimeUnit.SECONDS);
            assertThat(refused.statusCode()).isEqualTo(503);
        }
        release.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            int player = i;
            HttpResponse<String> state = admitted(() -> get("/api/v1/attempts/" + attempts.get(player))
                    .header("Authorization", "Bearer " + tokens.get(player)));
            assertThat(JSON.readTree(state.body()).get("answered").asInt()).as("answers recorded").isZero();
            HttpResponse<String> answered = admitted(() -> answer(tokens.get(player), attempts.get(player)));
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answered.body()).get("answered").asInt()).isEqualTo(1);
        }
    }

    /**
     * Sends a request as a client told {@code Retry-After} does: again while it is refused with 503. With one request
     * at a time and none queued, a request sent right after another's response may still find that one's slot taken:
     * the server gives it back when the response is done on its side, a moment after the client has it.
     */
    private HttpResponse<String> admitted(java.util.function.Supplier<HttpRequest.Builder> request) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HttpResponse<String> response = send(request.get()).get(30, TimeUnit.SECONDS);
            if (response.statusCode() != 503) {
                return response;
            }
            assertThat(System.nanoTime()).as("admitted again within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private HttpRequest.Builder answer(String token, String attempt) {
        return get("/api/v1/attempts/" + attempt + "/answers/emergency").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"choice\": \"b\"}"));
    }

    private HttpRequest.Builder post(String path, String token, String body) {
        HttpRequest.Builder request = get(path).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    @Test
    void live_event_streams_are_not_counted_against_the_requests_at_once() throws Exception {
        start(ApiConfig.defaults().withMaxConcurrentRequests(2).withMaxQueuedRequests(0).withAdminToken(ADMIN));
        org.kydp.quiz.live.CreatedSession session = engine.live().create("helplines", null, null);
        String path = "/api/v1/live-sessions/" + session.session().id() + "/events";
        List<EventStreamClient> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            EventStreamClient stream = EventStreamClient.open(app.port(), path, session.hostToken());
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next("state", Duration.ofSeconds(5))).isNotNull();
            streams.add(stream);
        }

        HttpResponse<String> health = send(get("/health")).get(10, TimeUnit.SECONDS);

        assertThat(health.statusCode()).as("five streams held, two requests at most at once").isEqualTo(200);
        for (EventStreamClient stream : streams) {
            stream.close();
        }
    }
}
