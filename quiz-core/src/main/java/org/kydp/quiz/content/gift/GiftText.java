package org.kydp.quiz.content.gift;

import java.util.regex.Pattern;

/** Text inside GIFT: escapes, format prefixes and the search for unescaped control characters. */
final class GiftText {

    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[(html|moodle|plain|markdown)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WRAP = Pattern.compile("[ \\t]*\\r?\\n[ \\t]*");

    private GiftText() {
    }

    /** The index of {@code target} in {@code text} from {@code from}, skipping backslash-escaped characters; -1 if absent. */
    static int indexOfUnescaped(String text, String target, int from) {
        for (int i = from; i <= text.length() - target.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (text.startsWith(target, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Removes a leading [html]/[moodle]/[plain]/[markdown] and turns HTML into plain text. */
    static String plain(String raw) {
        var matcher = FORMAT.matcher(raw);
        if (!matcher.find()) {
            return raw;
        }
        String format = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
        String rest = raw.substring(matcher.end());
        if (format.equals("html")) {
            rest = TAG.matcher(rest).replaceAll("")
                    .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        }
        return rest;
    }

    /**
     * Resolves \~ \= \# \{ \} \: \\ and \n, and collapses the white space of wrapped lines: a line break in the
     * file joins its lines with a space, while an escaped {@code \n} is a line break in the text.
     */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if (next == 'n') {
                    out.append(joined(wrapped)).append('\n');
                    wrapped.setLength(0);
                } else {
                    wrapped.append(next);
                }
            } else {
                wrapped.append(c);
            }
        }
        return out.append(joined(wrapped)).toString().strip();
    }

    /** Text as wrapped in the file, its lines joined with single spaces. */
    private static String joined(CharSequence wrapped) {
        return WRAP.matcher(wrapped).replaceAll(" ").replaceAll(" {2,}", " ");
    }

    /** The final text of a question, option or feedback: format prefix removed, escapes resolved. */
    static String clean(String raw) {
        return unescape(plain(raw.strip()));
    }
}
