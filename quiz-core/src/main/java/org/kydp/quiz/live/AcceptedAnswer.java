package org.kydp.quiz.live;

import java.time.Instant;

/** An answer to a live question, kept; whether it is right is told when the question closes. */
public record AcceptedAnswer(String questionId, Instant answeredAt) {
}
