package org.kydp.quiz.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/** What a player submits for a question. Each question type accepts one shape. */
public sealed interface Answer {

    /** The JSON field that carries this answer over the wire, used in error locations. */
    String field();

    /** One option, by id: single choice and poll. */
    record Choice(String optionId) implements Answer {
        public Choice {
            Arguments.required("optionId", optionId);
        }

        @Override
        public String field() {
            return "choice";
        }
    }

    /** Several options, by id, in no particular order: multiple response. */
    record Choices(Set<String> optionIds) implements Answer {
        public Choices {
            optionIds = java.util.Collections.unmodifiableSet(new TreeSet<>(optionIds));
        }

        public static Choices of(String... ids) {
            return new Choices(Set.of(ids));
        }

        @Override
        public String field() {
            return "choices";
        }
    }

    /** True or false. */
    record Bool(boolean value) implements Answer {
        @Override
        public String field() {
            return "value";
        }
    }

    /** Free text: short answer. */
    record Text(String text) implements Answer {
        public Text {
            Arguments.required("text", text);
        }

        @Override
        public String field() {
            return "text";
        }
    }

    /** A finite number: numeric. */
    record Number(double value) implements Answer {
        public Number {
            if (!Double.isFinite(value)) {
                throw ValidationException.of("number", "a numeric answer must be finite: " + value);
            }
        }

        @Override
        public String field() {
            return "number";
        }
    }

    /** Item ids in the order the player puts them: ordering. */
    record Order(List<String> itemIds) implements Answer {
        public Order {
            itemIds = List.copyOf(itemIds);
        }

        @Override
        public String field() {
            return "order";
        }
    }

    /** Left item id to right item id: matching. */
    record Pairs(Map<String, String> pairs) implements Answer {
        public Pairs {
            pairs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(new LinkedHashMap<>(pairs)));
        }

        @Override
        public String field() {
            return "pairs";
        }
    }
}
