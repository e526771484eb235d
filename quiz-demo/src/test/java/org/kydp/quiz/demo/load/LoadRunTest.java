package org.kydp.quiz.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadRunTest {

    @Test
    void a_play_request_is_known_by_its_route_without_ids_or_query() {
        assertThat(LoadRun.kind("POST", "/api/v1/players")).isEqualTo("register");
        assertThat(LoadRun.kind("POST", "/api/v1/quizzes/cyber-safety/attempts")).isEqualTo("start attempt");
        assertThat(LoadRun.kind("GET", "/api/v1/attempts/0193-ab/question")).isEqualTo("get question");
        assertThat(LoadRun.kind("PUT", "/api/v1/attempts/0193-ab/answers/q-7")).isEqualTo("answer");
        assertThat(LoadRun.kind("POST", "/api/v1/attempts/0193-ab/finish")).isEqualTo("finish");
        assertThat(LoadRun.kind("GET", "/api/v1/quizzes/cyber-safety/leaderboard?limit=10")).isEqualTo("leaderboard");
        assertThat(LoadRun.kind("GET", "/bare")).isEqualTo("GET /bare");
    }

    @Test
    void latencies_give_their_count_median_99th_percentile_and_maximum_in_microseconds() {
        long[] sorted = new long[200];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (i + 1) * 1_000L; // 1 µs ... 200 µs
        }
        LoadRun.Latencies latencies = LoadRun.Latencies.of(sorted);

        assertThat(latencies).isEqualTo(new LoadRun.Latencies(200, 100, 198, 200));
        assertThat(LoadRun.Latencies.of(new long[0])).isEqualTo(new LoadRun.Latencies(0, 0, 0, 0));
    }
}
