package org.kydp.quiz.api;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import org.kydp.quiz.QuizEngine;
import org.kydp.quiz.store.jdbc.JdbcStore;
import org.kydp.quiz.store.jdbc.TestDatabases;

class HealthTest {

    @Test
    void health_reports_the_database_up_when_it_answers() {
        try (JdbcStore store = JdbcStore.open(TestDatabases.newH2());
             ApiServer server = ApiServer.start(QuizEngine.builder().store(store).build())) {
            server.request().get("/health").then().statusCode(200)
                    .contentType("application/json")
                    .body("status", equalTo("UP"))
                    .body("checks.database", equalTo("UP"));
        }
    }

    @Test
    void health_is_503_with_a_problem_document_when_the_database_cannot_be_reached() {
        JdbcStore store = JdbcStore.open(TestDatabases.newH2());
        try (ApiServer server = ApiServer.start(QuizEngine.builder().store(store).build())) {
            store.close();

            server.request().get("/health").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://kydp-quiz.org/problems/unavailable"))
                    .body("status", equalTo(503))
                    .body("checks.database", equalTo("DOWN"));
        }
    }
}
