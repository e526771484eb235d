package org.kydp.quiz.scoring;

import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.Question;

/** The question's points times the fraction the grade earned, rounded, never below zero. */
public final class FixedPoints implements ScoringPolicy {

    @Override
    public int points(Question question, Grade grade) {
        return (int) Math.max(0, Math.round(question.points() * grade.fraction()));
    }
}
