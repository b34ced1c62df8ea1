package dev.rapport.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Human tables or raw JSON, as the user asked. */
final class Output {
    private Output() {
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** The signed-in user's time zone (saved at login); the machine's until then. */
    private static volatile java.time.ZoneId zone = java.time.ZoneId.systemDefault();

    static void useZone(String zoneId) {
        zone = zoneId == null ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(zoneId);
    }

    /** An API instant shown in the user's local time, to the minute. */
    static String when(String isoInstant) {
        if (isoInstant == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(isoInstant).atZone(zone).toLocalDateTime()
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace('T', ' ');
        } catch (java.time.format.DateTimeParseException e) {
            return isoInstant;
        }
    }

    static void json(PrintWriter out, JsonNode node) {
        out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        out.flush();
    }

    /** Prints rows under a header, columns padded to the widest cell (max 40; the last column is never cut). */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        java.util.Arrays.fill(widths, 1);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.min(40, Math.max(widths[i], cell(row.get(i)).length()));
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String c = cell(row.get(i));
                if (c.length() > 40 && i < row.size() - 1) {
                    c = c.substring(0, 39) + "…";
                }
                line.append(i == row.size() - 1 ? c : String.format(java.util.Locale.ROOT, "%-" + widths[i] + "s  ", c));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String cell(String s) {
        return s == null ? "-" : s.replace('\n', ' ');
    }
}
