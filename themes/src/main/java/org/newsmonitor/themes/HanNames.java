package org.newsmonitor.themes;

import java.util.List;

/**
 * Foreign names written with a Han character that on its own stands for one of the two countries, kept together as
 * one token so that the character does not count inside them: 俄 (Russia) inside 白俄罗斯 and 白俄 (Belarus) or
 * 俄亥俄 (Ohio) or 埃塞俄比亚 (Ethiopia). A rule for 俄 or 俄罗斯 then does not match a story about Belarus, and a rule written as 白俄罗斯 is
 * cut the same way (白俄, 罗, 斯), so it still matches. Only the exact characters listed here form a name.
 */
final class HanNames {

    /** The names, each in NFKC form and of Han characters only. */
    static final List<String> NAMES = List.of("白俄", "俄亥俄", "俄勒冈", "俄克拉何马", "俄克拉荷马", "埃塞俄比亚");

    private static final char[][] CHARS = NAMES.stream().map(String::toCharArray).toArray(char[][]::new);
    private static final String FIRST_CHARS = firstChars();

    private HanNames() {
    }

    /** The length of the longest listed name that starts at {@code at} in {@code text[0 .. n)}, or 0. */
    static int lengthAt(char[] text, int at, int n) {
        if (FIRST_CHARS.indexOf(text[at]) < 0) {
            return 0;
        }
        int longest = 0;
        for (char[] name : CHARS) {
            if (name.length > longest && startsWith(text, at, n, name)) {
                longest = name.length;
            }
        }
        return longest;
    }

    private static boolean startsWith(char[] text, int at, int n, char[] name) {
        if (at + name.length > n) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (text[at + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private static String firstChars() {
        StringBuilder sb = new StringBuilder();
        for (String name : NAMES) {
            if (sb.indexOf(name.substring(0, 1)) < 0) {
                sb.append(name.charAt(0));
            }
        }
        return sb.toString();
    }
}
