package org.newsmonitor.themes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the 1-based line and column where it starts in the file. */
final class YamlNode {
    enum Kind { MAP, LIST, SCALAR, NULL }

    final Kind kind;
    final String text;
    final Map<String, YamlNode> map;
    final Map<String, int[]> keyPositions;
    final List<YamlNode> list;
    final int line;
    final int column;

    private YamlNode(Kind kind, String text, Map<String, YamlNode> map, Map<String, int[]> keyPositions,
            List<YamlNode> list, int line, int column) {
        this.kind = kind;
        this.text = text;
        this.map = map;
        this.keyPositions = keyPositions;
        this.list = list;
        this.line = line;
        this.column = column;
    }

    static YamlNode scalar(String text, int line, int column) {
        return new YamlNode(Kind.SCALAR, text, Map.of(), Map.of(), List.of(), line, column);
    }

    static YamlNode nullValue(int line, int column) {
        return new YamlNode(Kind.NULL, null, Map.of(), Map.of(), List.of(), line, column);
    }

    static YamlNode map(LinkedHashMap<String, YamlNode> map, Map<String, int[]> keyPositions, int line, int column) {
        return new YamlNode(Kind.MAP, null, map, keyPositions, List.of(), line, column);
    }

    static YamlNode list(List<YamlNode> list, int line, int column) {
        return new YamlNode(Kind.LIST, null, Map.of(), Map.of(), list, line, column);
    }

    String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case SCALAR -> "'" + text + "'";
            case NULL -> "nothing";
        };
    }
}
