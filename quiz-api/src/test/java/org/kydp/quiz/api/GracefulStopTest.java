package org.kydp.quiz.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;

/** Stopping the server lets a request in flight finish and answer, and refuses new ones. */
class GracefulStopTest {

    @Test
    void a_request_in_flight_when_the_server_stops_still_gets_its_answer() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Javalin app = QuizApi.create(QuizEngine.builder().build(), ApiConfig.defaults().withPort(0),
                javalin -> javalin.routes.get("/slow", ctx -> {
                    inside.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    ctx.result("done");
                })).start();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
        Thread.sleep(300); // the stop is under way while the request is still being handled
        assertThat(stopping).isNotDone();
        release.countDown();

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        stopping.get(15, TimeUnit.SECONDS);
    }
}
