package org.kydp.quiz.content.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kydp.quiz.error.FieldError;

/**
 * Parses JSON into a tree of nodes, as {@code ObjectMapper.readTree} does, but notes every key repeated within an
 * object, with its path ({@code questions[2].id}) and where it is given, where Jackson would keep the last value silently or,
 * with duplicate detection on, stop at the first one without saying where in the document it is.
 */
public final class JsonTree {

    /** The tree (the last value of a repeated key kept) and one error per repeated key. */
    public record Parsed(JsonNode root, List<FieldError> duplicates) {

        public Parsed {
            duplicates = List.copyOf(duplicates);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    private final List<FieldError> duplicates = new ArrayList<>();

    private JsonTree(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * The one JSON value the parser reads; {@link com.fasterxml.jackson.core.JsonParseException} if it is not valid
     * JSON or anything but white space follows it.
     */
    public static Parsed parse(JsonParser parser) throws IOException {
        JsonTree tree = new JsonTree(parser);
        if (parser.nextToken() == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "no JSON value, only white space");
        }
        JsonNode root = tree.value("");
        if (parser.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "more content after the JSON value");
        }
        return new Parsed(root, tree.duplicates);
    }

    private JsonNode value(String path) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(path);
            case START_ARRAY -> array(path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        };
    }

    private ObjectNode object(String path) throws IOException {
        ObjectNode object = NODES.objectNode();
        Map<String, String> places = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String where = where(parser.currentTokenLocation());
            String at = path.isEmpty() ? name : path + "." + name;
            String first = places.putIfAbsent(name, where);
            if (first != null) {
                duplicates.add(new FieldError(at, "duplicate key: given at " + first + " and again at " + where
                        + "; a key may appear only once in an object"));
            }
            parser.nextToken();
            object.set(name, value(at));
        }
        return object;
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private ArrayNode array(String path) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(path + "[" + array.size() + "]"));
        }
        return array;
    }
}
