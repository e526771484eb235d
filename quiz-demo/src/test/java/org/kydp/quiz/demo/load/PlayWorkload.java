package org.kydp.quiz.demo.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A whole play, as a client plays it: register, start an attempt on one of the demo quizzes, fetch and answer
 * every question (an answer of the right shape for the served type, right or wrong at random), finish, read the
 * leaderboard. At most {@link #MAX_QUESTIONS} questions per play, so that the loop is bounded.
 */
final class PlayWorkload implements LoadRun.Workload {

    static final int MAX_QUESTIONS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> quizzes;

    PlayWorkload(List<String> quizzes) {
        this.quizzes = List.copyOf(quizzes);
    }

    @Override
    public boolean iterate(LoadRun.Player player) throws IOException {
        long n = player.next();
        HttpConnection.Response registered = player.send("POST", "/api/v1/players", null,
                ("{\"name\":\"Load " + player.number + "-" + n + "\"}").getBytes(StandardCharsets.UTF_8));
        if (registered == null) {
            return false;
        }
        String token = JSON.readTree(registered.body()).get("token").asText();
        String quiz = quizzes.get((int) ((player.number + n) % quizzes.size()));
        HttpConnection.Response started = player.send("POST", "/api/v1/quizzes/" + quiz + "/attempts", token, null);
        if (started == null) {
            return false;
        }
        String attempt = JSON.readTree(started.body()).get("id").asText();
        boolean clean = true;
        for (int i = 0; i < MAX_QUESTIONS; i++) {
            if (!player.running()) {
                return false;
            }
            HttpConnection.Response served = player.send("GET", "/api/v1/attempts/" + attempt + "/question", token,
                    null);
            if (served == null) {
                return false;
            }
            if (served.status() == 204) {
                break;
            }
            JsonNode question = JSON.readTree(served.body());
            byte[] answer = JSON.writeValueAsBytes(answer(question));
            HttpConnection.Response answered = player.send("PUT", "/api/v1/attempts/" + attempt + "/answers/"
                    + question.get("id").asText(), token, answer);
            if (answered == null) {
                clean = false;
                break; // a refused answer is not retried: the next fetch would serve it again
            }
        }
        HttpConnection.Response finished = player.send("POST", "/api/v1/attempts/" + attempt + "/finish", token, null);
        HttpConnection.Response board = player.send("GET", "/api/v1/quizzes/" + quiz + "/leaderboard?limit=10",
                null, null);
        return clean && finished != null && board != null;
    }

    /** A valid answer to the served question, by its type (README, "Question types"); right or wrong at random. */
    static ObjectNode answer(JsonNode question) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode answer = JSON.createObjectNode();
        String type = question.get("type").asText();
        List<String> options = ids(question.get("options"));
        switch (type) {
            case "single_choice", "poll" -> answer.put("choice", options.get(random.nextInt(options.size())));
            case "multiple_response" -> {
                ArrayNode choices = answer.putArray("choices");
                for (String option : options) {
                    if (random.nextBoolean()) {
                        choices.add(option);
                    }
                }
                if (choices.isEmpty()) {
                    choices.add(options.get(0));
                }
            }
            case "true_false" -> answer.put("value", random.nextBoolean());
            case "short_text" -> answer.put("text", random.nextBoolean() ? "112" : "शांति");
            case "numeric" -> answer.put("number", random.nextBoolean() ? 112 : 1930);
            case "ordering" -> {
                List<String> order = new ArrayList<>(options);
                Collections.shuffle(order, random);
                ArrayNode array = answer.putArray("order");
                order.forEach(array::add);
            }
            case "matching" -> {
                List<String> left = ids(question.get("left"));
                List<String> right = new ArrayList<>(ids(question.get("right")));
                Collections.shuffle(right, random);
                ObjectNode pairs = answer.putObject("pairs");
                for (int i = 0; i < left.size() && i < right.size(); i++) {
                    pairs.put(left.get(i), right.get(i));
                }
            }
            default -> throw new IllegalStateException("a question type the load generator does not know: " + type);
        }
        return answer;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> ids.add(item.get("id").asText()));
        }
        return ids;
    }
}
