package dev.rapport.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Cuts a vCard file into single cards (BEGIN:VCARD .. END:VCARD) with the line each starts on, so
 * every card is parsed on its own: a broken card cannot take its neighbours with it, and only one
 * card is in memory at a time. Text outside cards, a card cut short by the next BEGIN:VCARD or by the
 * end of the file, and an oversized card come out as problems. A vCard 2.1 AGENT may nest a card.
 */
final class VCardSplitter implements Iterator<VCardSplitter.Chunk> {
    /** A card bigger than this (a huge embedded photo) is refused on its own. */
    static final int MAX_CARD_CHARS = 16 * 1024 * 1024;

    /** One card's text, or a problem (text null) found at a line. */
    record Chunk(long line, String text, String problem) {
    }

    private final BufferedReader reader;
    private long lineNo;
    private String pending;
    private long pendingLine;
    private Chunk next;
    private boolean done;

    VCardSplitter(BufferedReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = read();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Chunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Chunk c = next;
        next = null;
        return c;
    }

    private String line() {
        if (pending != null) {
            String l = pending;
            pending = null;
            lineNo = pendingLine;
            return l;
        }
        try {
            String l = reader.readLine();
            if (l != null) {
                lineNo++;
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pushBack(String line) {
        pending = line;
        pendingLine = lineNo;
    }

    private Chunk read() {
        String line;
        long junkStart = 0;
        while ((line = line()) != null) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (isBegin(t)) {
                if (junkStart > 0) {
                    pushBack(line);
                    return junk(junkStart);
                }
                return card(line);
            }
            if (junkStart == 0) {
                junkStart = lineNo;
            }
        }
        return junkStart > 0 ? junk(junkStart) : null;
    }

    private static Chunk junk(long line) {
        return new Chunk(line, null, "text outside a vCard (no BEGIN:VCARD before it)");
    }

    private Chunk card(String begin) {
        long start = lineNo;
        StringBuilder text = new StringBuilder(512).append(begin).append("\r\n");
        int depth = 1;
        boolean oversized = false;
        String previous = begin;
        String line;
        while ((line = line()) != null) {
            String t = line.strip();
            if (isBegin(t)) {
                if (!previous.strip().toUpperCase(Locale.ROOT).matches("(.+\\.)?AGENT(;[^:]*)?:")) {
                    pushBack(line);
                    return new Chunk(start, null, "the card has no END:VCARD before the next BEGIN:VCARD");
                }
                depth++;
            } else if (isEnd(t)) {
                depth--;
            }
            if (!oversized) {
                text.append(line).append("\r\n");
                oversized = text.length() > MAX_CARD_CHARS;
                if (oversized) {
                    text.setLength(0);
                }
            }
            if (depth == 0) {
                return oversized ? new Chunk(start, null, "the card is larger than "
                        + MAX_CARD_CHARS / (1024 * 1024) + " MiB") : new Chunk(start, text.toString(), null);
            }
            previous = line;
        }
        return new Chunk(start, null, "the card has no END:VCARD (the file ends first)");
    }

    private static boolean isBegin(String trimmed) {
        return trimmed.equalsIgnoreCase("BEGIN:VCARD");
    }

    private static boolean isEnd(String trimmed) {
        return trimmed.equalsIgnoreCase("END:VCARD");
    }
}
