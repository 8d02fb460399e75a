package org.newsmonitor.themes;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML into {@link YamlNode}s that remember where each value starts, for precise error messages. */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String origin;
    private final String themeId;

    private YamlReader(String origin, String themeId) {
        this.origin = origin;
        this.themeId = themeId;
    }

    /** The single document in {@code yaml}; {@code themeId} names the theme in error messages. */
    static YamlNode read(String yaml, String origin, String themeId) throws ThemeSyntaxException {
        YamlReader reader = new YamlReader(origin, themeId);
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ThemeSyntaxException(themeId, origin, 1, 1, "the file is empty");
            }
            return reader.value(parser);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            int col = loc == null ? 0 : loc.getColumnNr();
            throw new ThemeSyntaxException(themeId, origin, line, col, "YAML syntax: " + cleanMessage(e));
        } catch (IOException e) {
            throw new ThemeSyntaxException(themeId, origin, 0, 0, "cannot read YAML: " + e.getMessage());
        }
    }

    private YamlNode value(JsonParser p) throws IOException, ThemeSyntaxException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode> map = new LinkedHashMap<>();
                Map<String, int[]> keys = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    if (map.containsKey(key)) {
                        throw new ThemeSyntaxException(themeId, origin, kl.getLineNr(), kl.getColumnNr(),
                                "key '" + key + "' appears twice");
                    }
                    keys.put(key, new int[] {kl.getLineNr(), kl.getColumnNr()});
                    p.nextToken();
                    map.put(key, value(p));
                }
                return YamlNode.map(map, keys, line, col);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return YamlNode.list(list, line, col);
            }
            case VALUE_NULL -> {
                return YamlNode.nullValue(line, col);
            }
            default -> {
                return YamlNode.scalar(p.getText(), line, col);
            }
        }
    }

    private static String cleanMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        // the YAML library repeats the position in a multi-line message; keep the first meaningful lines
        StringBuilder sb = new StringBuilder();
        String[] lines = m.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            boolean echoOfSource = i + 1 < lines.length && lines[i + 1].strip().startsWith("^");
            if (s.isEmpty() || echoOfSource || s.startsWith("in 'reader'") || s.startsWith("in '")
                    || s.startsWith("^")) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(s);
            if (sb.length() > 200) {
                break;
            }
        }
        return sb.toString();
    }
}
