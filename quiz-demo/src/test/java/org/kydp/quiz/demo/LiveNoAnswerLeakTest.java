package org.kydp.quiz.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.kydp.quiz.api.ApiConfig;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;

/**
 * A live session of every demo quiz, on the demo server, followed by the host and by one player on event streams
 * and by another player who polls {@code GET …/state}: nothing either player or the host receives before a question
 * closes (questions, states, answer replies, answer counts, join replies, the host's view of the session) carries
 * whether an answer is right, what it earned, the right answer, feedback or an explanation: every field of every
 * object is checked against what that kind of object may hold, as {@link NoAnswerLeakTest} checks attempts. The
 * results after the close carry all of them.
 */
class LiveNoAnswerLeakTest {

    private static final String ADMIN = "demo-admin-token-0123456789";
    private static final String LIVE = "/api/v1/live-sessions";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field an object sent before a question closes may have, by the kind of object. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "joined", Set.of("sessionId", "playerId", "name", "token", "rejoined"),
            "session", Set.of("id", "code", "quizId", "quizVersion", "language", "phase", "questionIndex",
                    "questionCount", "players", "answered", "openedAt", "answersOpenAt", "deadline", "closedAt",
                    "createdAt", "endedAt", "lastEventId", "settings", "joinUrl"),
            "settings", Set.of("questionTimeLimitMs", "readingTimeMs", "lateJoin", "autoAdvanceMs"),
            "state", Set.of("sessionId", "code", "quizId", "language", "phase", "questionIndex", "questionCount",
                    "players", "answered", "question", "results", "ended", "you", "lastEventId"),
            "you", Set.of("playerId", "name", "score", "rank", "streak", "answered"),
            "question event", Set.of("index", "count", "question", "openedAt", "answersOpenAt", "deadline"),
            "question", NoAnswerLeakTest.QUESTION_FIELDS,
            "choice", Set.of("id", "text"),
            "accepted", Set.of("questionId", "accepted", "answeredAt"),
            "answers", Set.of("index", "answered", "players"));
    /** The kind of each event that may come before a question closes. */
    private static final Map<String, String> EVENTS_BEFORE_CLOSE = Map.of(
            "state", "state", "question", "question event", "answers", "answers",
            "player-joined", "player-joined", "player-left", "player-left");
    private static final Map<String, Set<String>> EVENT_FIELDS = Map.of(
            "player-joined", Set.of("playerId", "name", "players"),
            "player-left", Set.of("playerId", "name", "players", "removed"));

    private final DemoServer server = DemoServer.start(ApiConfig.defaults().withPort(0).withRateLimitPerMinute(0)
            .withAdminToken(ADMIN), DemoServerTest.tempStorage());
    private final List<LiveEventStream> streams = new ArrayList<>();

    @AfterEach
    void stop() {
        streams.forEach(LiveEventStream::close);
        server.close();
    }

    private RequestSpecification request() {
        return given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON);
    }

    private RequestSpecification as(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    private LiveEventStream follow(String pathAndQuery) {
        LiveEventStream stream = LiveEventStream.open(server.port(), pathAndQuery);
        streams.add(stream);
        return stream;
    }

    @Test
    void nothing_sent_before_a_live_question_closes_carries_its_answer_and_the_results_do() throws Exception {
        for (Quiz quiz : DemoContent.load()) {
            playLive(quiz);
        }
    }

    private void playLive(Quiz quiz) throws Exception {
        AnswerKey key = new AnswerKey(quiz);
        Response created = as(ADMIN).body(Map.of("quizId", quiz.id(), "settings",
                Map.of("questionTimeLimitMs", 600_000))).post(LIVE);
        created.then().statusCode(201);
        String base = LIVE + "/" + created.path("id");
        String code = created.path("code");
        String host = created.path("hostToken");
        LiveEventStream hostEvents = follow(base + "/events?token=" + host);

        Response ashaJoined = request().body(Map.of("code", code, "name", "Asha")).post(LIVE + "/join");
        ashaJoined.then().statusCode(201);
        Response raviJoined = request().body(Map.of("code", code, "name", "Ravi")).post(LIVE + "/join");
        raviJoined.then().statusCode(201);
        Sent sent = new Sent(quiz);
        sent.reply("joined", ashaJoined);
        sent.reply("joined", raviJoined);
        String asha = ashaJoined.path("token");
        String ravi = raviJoined.path("token");
        LiveEventStream ashaEvents = follow(base + "/events?lang=hi&token=" + asha); // Asha plays in Hindi
        int raviScore = 0;

        List<String> ids = quiz.questions().stream().map(Question::id).toList();
        for (int index = 0; index < ids.size(); index++) {
            sent.reply("session", as(host).post(base + "/advance"));
            sent.events(hostEvents.takeUntil("question", WAIT));
            List<LiveEventStream.Event> toAsha = ashaEvents.takeUntil("question", WAIT);
            sent.events(toAsha);
            String questionId = toAsha.get(toAsha.size() - 1).json().get("question").get("id").asText();
            sent.question(key.question(questionId));
            Response raviState = as(ravi).queryParam("lang", "en").get(base + "/state");
            sent.reply("state", raviState);
            assertThat(raviState.<String>path("question.question.id")).isEqualTo(questionId);

            Answer ashaAnswer = key.chosenAnswer(index, questionId);
            String answers = base + "/answers/" + questionId;
            sent.reply("accepted", as(asha).body(RestPlayer.json(ashaAnswer)).put(answers));
            sent.reply("accepted", as(asha).body(RestPlayer.json(ashaAnswer)).put(answers));
            sent.reply("accepted", as(ravi).body(RestPlayer.json(key.worthless(questionId))).put(answers));
            Response answered = as(ravi).get(base + "/state");
            sent.reply("state", answered);
            assertThat(answered.<Boolean>path("you.answered")).isTrue();
            assertThat(answered.<Integer>path("you.score")).as("the score before the question closes")
                    .isEqualTo(raviScore);
            sent.reply("session", as(host).get(base));
            sent.reply("state", as(host).get(base + "/state"));
            sent.events(hostEvents.takeUntil("answers", WAIT));

            as(host).post(base + "/close").then().statusCode(200);
            List<LiveEventStream.Event> hostAfter = hostEvents.takeUntil("results", WAIT);
            sent.events(hostAfter.subList(0, hostAfter.size() - 1));
            List<LiveEventStream.Event> ashaAfter = ashaEvents.takeUntil("results", WAIT);
            sent.events(ashaAfter.subList(0, ashaAfter.size() - 1));
            sent.assertNoAnswer();

            Question question = key.question(questionId);
            JsonNode forHost = hostAfter.get(hostAfter.size() - 1).json();
            JsonNode forAsha = ashaAfter.get(ashaAfter.size() - 1).json();
            JsonNode forRavi = JSON.readTree(as(ravi).queryParam("lang", "en").get(base + "/state").asString())
                    .get("results");
            String where = quiz.id() + " " + questionId;
            assertCarriesTheAnswer(forHost, question, quiz, quiz.defaultLanguage(), where + " (host)");
            assertCarriesTheAnswer(forAsha, question, quiz, "hi", where + " (Asha)");
            assertCarriesTheAnswer(forRavi, question, quiz, "en", where + " (Ravi)");
            assertThat(forHost.has("you")).as("the host is not a player").isFalse();
            JsonNode you = forAsha.get("you");
            assertThat(you.get("points").asInt()).as(where).isEqualTo(key.points(questionId, ashaAnswer));
            if (question.scored()) {
                assertThat(you.get("correct").asBoolean()).as(where).isEqualTo(key.isRight(questionId, ashaAnswer));
                assertThat(forRavi.get("you").get("correct").asBoolean()).as(where).isFalse();
            }
            raviScore = forRavi.get("you").get("score").asInt();
        }
        as(host).post(base + "/advance").then().statusCode(200).body("phase", org.hamcrest.Matchers.equalTo("ended"));
        List<LiveEventStream.Event> last = ashaEvents.takeUntil("ended", WAIT);
        JsonNode ended = last.get(last.size() - 1).json();
        assertThat(ended.path("you").path("answered").asInt()).isEqualTo(ids.size());
        assertThat(as(ravi).get(base + "/state").<Integer>path("ended.you.score")).isEqualTo(raviScore);
    }

    /** The check is not vacuous: a field that could tell the answer, an early result or the explanation fails it. */
    @Test
    void the_check_reports_what_could_tell_the_answer() {
        Quiz quiz = DemoContent.load().get(0);
        Question question = quiz.questions().get(0);
        String explanation = question.explanation().in("hi", quiz.defaultLanguage());
        Map<String, String> leaks = Map.of(
                "a flag on an option", "{\"index\":0,\"count\":1,\"question\":{\"id\":\"q\",\"options\":"
                        + "[{\"id\":\"a\",\"text\":\"112\",\"correct\":true}]}}",
                "a count of right answers", "{\"index\":0,\"answered\":1,\"players\":2,\"correct\":1}",
                "the explanation", "{\"playerId\":\"p\",\"name\":\"" + explanation + "\",\"players\":1}",
                "an early result", "{\"index\":0}");
        Map<String, String> names = Map.of("a flag on an option", "question", "a count of right answers", "answers",
                "the explanation", "player-joined", "an early result", "results");
        leaks.forEach((what, data) -> {
            Sent sent = new Sent(quiz);
            sent.question(question);
            sent.events(List.of(new LiveEventStream.Event("1", names.get(what), data)));
            assertThatThrownBy(sent::assertNoAnswer).as(what).isInstanceOf(AssertionError.class);
        });
    }

    /** The results of a closed question: its right answer (none for a poll), explanation and distribution. */
    private static void assertCarriesTheAnswer(JsonNode results, Question question, Quiz quiz, String language,
                                               String where) {
        assertThat(results.get("questionId").asText()).as(where).isEqualTo(question.id());
        assertThat(results.get("explanation").asText()).as(where)
                .isEqualTo(question.explanation().in(language, quiz.defaultLanguage()));
        assertThat(results.get("correctAnswer").isNull()).as(where + ": no right answer shown")
                .isEqualTo(!question.scored());
        assertThat(results.get("distribution").get("answered").asInt()).as(where).isEqualTo(2);
        assertThat(results.get("distribution").get("correct").isNull()).as(where).isEqualTo(!question.scored());
    }

    /** What was sent before the open question closed, checked field by field when the question closes. */
    private static final class Sent {
        private final Quiz quiz;
        private final List<String> problems = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private Question question;

        Sent(Quiz quiz) {
            this.quiz = quiz;
        }

        void question(Question open) {
            this.question = open;
        }

        void reply(String kind, Response response) throws Exception {
            assertThat(response.statusCode()).as("%s: %s", kind, response.asString()).isBetween(200, 201);
            check(kind, JSON.readTree(response.asString()), kind + " reply");
            texts.add(response.asString());
        }

        void events(List<LiveEventStream.Event> events) {
            for (LiveEventStream.Event event : events) {
                String kind = EVENTS_BEFORE_CLOSE.get(event.name());
                if (kind == null) {
                    problems.add("a '" + event.name() + "' event before the question closed: " + event.data());
                    continue;
                }
                check(kind, event.json(), event.name() + " event " + event.id());
                texts.add(event.data());
            }
        }

        private void check(String kind, JsonNode node, String where) {
            Set<String> allowed = FIELDS.getOrDefault(kind, EVENT_FIELDS.get(kind));
            node.fieldNames().forEachRemaining(field -> {
                if (!allowed.contains(field)) {
                    problems.add(where + ": '" + field + "' in a " + kind + ": " + node);
                }
            });
            switch (kind) {
                case "state" -> {
                    for (String later : List.of("results", "ended")) {
                        if (!node.path(later).isNull()) {
                            problems.add(where + ": a state before the question closed has " + later + ": " + node);
                        }
                    }
                    checkIfPresent("question event", node.get("question"), where);
                    checkIfPresent("you", node.get("you"), where);
                }
                case "question event" -> checkIfPresent("question", node.get("question"), where);
                case "question" -> {
                    for (String side : List.of("options", "left", "right")) {
                        node.path(side).forEach(choice -> check("choice", choice, where));
                    }
                }
                case "session" -> check("settings", node.get("settings"), where);
                default -> { }
            }
        }

        private void checkIfPresent(String kind, JsonNode node, String where) {
            if (node != null && !node.isNull()) {
                check(kind, node, where);
            }
        }

        /** Fails on anything sent that may tell the answer; then starts over for the next question. */
        void assertNoAnswer() {
            String where = quiz.id() + " " + (question == null ? "lobby" : question.id());
            assertThat(problems).as(where).isEmpty();
            for (String language : quiz.languages()) {
                String explanation = question.explanation().in(language, quiz.defaultLanguage());
                assertThat(texts).as("%s: the explanation in %s", where, language)
                        .noneSatisfy(text -> assertThat(text).contains(explanation));
            }
            texts.clear();
        }
    }
}
