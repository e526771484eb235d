package org.kydp.quiz.store;

/** Everything the engine keeps, as one set of ports. */
public interface Store {

    QuizStore quizzes();

    PlayerStore players();

    AttemptStore attempts();

    PollStore polls();
}
