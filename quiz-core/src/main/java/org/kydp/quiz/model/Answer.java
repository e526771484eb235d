package org.kydp.quiz.model;

import java.util.Objects;

/** What a player submits for a question. Each question type accepts one shape. */
public sealed interface Answer {

    /** The JSON field that carries this answer over the wire, used in error locations. */
    String field();

    /** One option, by id: single choice. */
    record Choice(String optionId) implements Answer {
        public Choice {
            Objects.requireNonNull(optionId, "optionId");
        }

        @Override
        public String field() {
            return "choice";
        }
    }

    /** True or false. */
    record Bool(boolean value) implements Answer {
        @Override
        public String field() {
            return "value";
        }
    }
}
