package dev.rapport.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** `--limit` and `--cursor` on listings the API pages: one page a call, then how to ask for the next. */
class PageOption {
    @Option(names = "--limit", description = "page size (1-200, default 50)")
    Integer limit;

    @Option(names = "--cursor", description = "the next page, as printed at the end of the previous one")
    String cursor;

    /** The query with this page's parameters added. */
    Map<String, String> query(Map<String, String> query) {
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("limit", limit == null ? null : Integer.toString(limit));
        paged.put("cursor", cursor);
        return paged;
    }

    /** Whether a page was asked for: a listing that comes whole refuses these options rather than ignore them. */
    boolean given() {
        return limit != null || cursor != null;
    }

    /** Says how to get the page after {@code page} (the same command with its cursor), if there is one. */
    static void printNext(PrintWriter out, JsonNode page) {
        String next = Output.text(page, "nextCursor");
        if (next != null) {
            out.println("more: the same command with --cursor " + next);
        }
    }
}
