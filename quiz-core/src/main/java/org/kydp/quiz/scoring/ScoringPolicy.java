package org.kydp.quiz.scoring;

import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.Question;

/** Turns a graded answer into points. Grading says how right an answer is; a policy says what that is worth. */
public interface ScoringPolicy {

    int points(Question question, Grade grade);
}
