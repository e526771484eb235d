package org.kydp.quiz.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Decodes HTML character references: named (HTML 4's 252), decimal {@code &#39;} and hex {@code &#x27;}. */
final class HtmlEntities {

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Map<String, Integer> NAMED = load();

    private HtmlEntities() {
    }

    static String decode(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String resolve(String reference, String original) {
        int codePoint;
        if (reference.startsWith("#x") || reference.startsWith("#X")) {
            codePoint = Integer.parseInt(reference.substring(2), 16);
        } else if (reference.startsWith("#")) {
            codePoint = Integer.parseInt(reference.substring(1));
        } else {
            Integer named = NAMED.get(reference);
            if (named == null) {
                return original;
            }
            codePoint = named;
        }
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : original;
    }

    private static Map<String, Integer> load() {
        try (InputStream in = HtmlEntities.class.getResourceAsStream("html-entities.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.stringPropertyNames().stream()
                    .collect(Collectors.toUnmodifiableMap(name -> name,
                            name -> Integer.parseInt(properties.getProperty(name))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
