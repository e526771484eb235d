package org.kydp.quiz.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spelling and the terms the demo's Hindi keeps to (CONTRIBUTING.md, "Demo content: Hindi style"): no nukta
 * except in ड़ and ढ़ (ज्यादा, जरूरत, फर्जी, क्विज), the anusvara rather than the chandrabindu (हां, पहुंच), and
 * one Hindi term where English loans crept in. It takes any text, so that a quiz file and the web page's strings
 * are checked alike; Latin text in it is left alone.
 */
final class HindiStyle {

    /** A word, or a phrase, that breaks the style, and what to write instead. */
    record Slip(String found, String write) {

        @Override
        public String toString() {
            return found + " (write " + write + ")";
        }
    }

    /** Loan words to avoid, as whole words, with the plural and English-plural endings they take in Hindi. */
    private static final Map<String, String> WORDS = new LinkedHashMap<>();
    /** Phrases to avoid wherever they appear. */
    private static final Map<String, String> PHRASES = new LinkedHashMap<>();

    static {
        WORDS.put("पेमेंट", "भुगतान");
        WORDS.put("कस्टमर", "ग्राहक सेवा");
        WORDS.put("मैसेज", "संदेश");
        WORDS.put("मैप", "नक्शा");
        WORDS.put("कस्टम", "सीमा शुल्क");
        WORDS.put("इमरजेंसी", "आपात स्थिति");
        WORDS.put("ऑथेंटिकेशन", "प्रमाणीकरण");
        PHRASES.put("24×7", "चौबीसों घंटे");
        PHRASES.put("24x7", "चौबीसों घंटे");
        PHRASES.put("24/7", "चौबीसों घंटे");
        PHRASES.put("24 घंटे चलने", "चौबीसों घंटे चलने");
        PHRASES.put("24 घंटे काम", "चौबीसों घंटे काम");
        PHRASES.put("पीकर ड्राइविंग", "शराब पीकर गाड़ी चलाना");
    }

    private static final List<String> ENDINGS = List.of("", "ों", "्स");

    /** A Devanagari word: letters and signs of the block, without the dandas and the digits. */
    private static final Pattern WORD = Pattern.compile("[\\u0900-\\u0963\\u0971-\\u097F]+");

    private static final char NUKTA = '\u093C';
    private static final char CHANDRABINDU = '\u0901';
    private static final char ANUSVARA = '\u0902';
    /** ड and ढ, the two letters that keep their nukta (ड़, ढ़). */
    private static final char DDA = '\u0921';
    private static final char DDHA = '\u0922';

    private HindiStyle() {
    }

    /** Every slip in this text, in the order they appear. */
    static List<Slip> slips(String text) {
        List<Slip> slips = new ArrayList<>();
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        Matcher words = WORD.matcher(decomposed);
        while (words.find()) {
            String word = words.group();
            String spelled = spelledInStyle(word);
            if (!spelled.equals(word)) {
                slips.add(new Slip(nfc(word), nfc(spelled)));
            }
            WORDS.forEach((loan, hindi) -> {
                if (ENDINGS.stream().anyMatch(ending -> spelled.equals(loan + ending))) {
                    slips.add(new Slip(nfc(word), hindi));
                }
            });
        }
        PHRASES.forEach((phrase, hindi) -> {
            if (text.contains(phrase)) {
                slips.add(new Slip(phrase, hindi));
            }
        });
        return slips;
    }

    /** The word, decomposed, without a nukta (but for ड़ and ढ़) and with an anusvara for each chandrabindu. */
    private static String spelledInStyle(String word) {
        StringBuilder spelled = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == NUKTA && !(i > 0 && (word.charAt(i - 1) == DDA || word.charAt(i - 1) == DDHA))) {
                continue;
            }
            spelled.append(c == CHANDRABINDU ? ANUSVARA : c);
        }
        return spelled.toString();
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
