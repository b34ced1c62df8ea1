package dev.rapport.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.rapport.exchange.ColumnMapping.Target;
import dev.rapport.exchange.CsvColumns.AddressPart;
import dev.rapport.exchange.CsvColumns.Column;
import dev.rapport.shared.InvalidInputException;

/**
 * Reads CSV contacts one record at a time (FastCSV: RFC 4180 quoting, multi-line quoted fields). The
 * first record is the header. Several values in one cell are split on " ::: " (Google's separator),
 * and emails, phones and tags also on ";" (emails and tags on "," too). A cell Rapport's own export
 * neutralised ("'=...", "'+...") gets its value back.
 */
final class CsvContactReader implements ContactSource {
    /** The longest field FastCSV buffers; anything longer is a damaged file (an unclosed quote). */
    static final int MAX_FIELD_CHARS = 8 * 1024 * 1024;
    private static final Pattern GOOGLE_SPLIT = Pattern.compile("\\s*:::\\s*");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*(:::|;|,|\\r?\\n)\\s*");
    private static final Pattern PHONE_SPLIT = Pattern.compile("\\s*(:::|;|\\r?\\n)\\s*");

    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> records;
    private final CsvColumns columns;
    private CsvRecord pending;
    /** The header is exactly Rapport's export header. */
    private final boolean ownExport;

    CsvContactReader(BufferedReader reader, char delimiter, ColumnMapping mapping) {
        this.csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false).maxBufferSize(MAX_FIELD_CHARS).ofCsvRecord(reader);
        this.records = csv.iterator();
        if (!parse(records::hasNext)) {
            throw new InvalidInputException("file", "is empty (no header row)");
        }
        CsvRecord header = parse(records::next);
        List<String> names = header.getFields().stream().map(CsvContactReader::clean).toList();
        this.columns = CsvColumns.of(names, mapping);
        this.ownExport = names.equals(CsvClientWriter.HEADER);

    }

    /** Picks the separator from the header line: the most frequent of , ; and tab outside quotes. */
    static char delimiter(String headerLine) {
        Map<Character, Integer> counts = new LinkedHashMap<>();
        counts.put(',', 0);
        counts.put(';', 0);
        counts.put('\t', 0);
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && counts.containsKey(c)) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max((a, b) -> Integer.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey).orElse(',');
    }

    String style() {
        return columns.style();
    }

    @Override
    public boolean hasNext() {
        while (pending == null && parse(records::hasNext)) {
            CsvRecord record = parse(records::next);
            // spreadsheets export trailing rows of only separators (",,,"): nothing to import or reject
            if (!record.getFields().stream().allMatch(String::isBlank)) {
                pending = record;
            }
        }
        return pending != null;
    }

    @Override
    public ContactRecord next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException();
        }
        CsvRecord record = pending;
        pending = null;
        return toRecord(record);
    }

    private ContactRecord toRecord(CsvRecord record) {
        long line = record.getStartingLineNumber();
        var b = new ContactRecord.Builder(line);
        List<String> fields = record.getFields();
        for (int i = columns.size(); i < fields.size(); i++) {
            if (!fields.get(i).isBlank()) {
                b.problem("line", "has " + fields.size() + " fields but the header has " + columns.size());
                return b.build();
            }
        }
        Map<Target, List<String>> names = new EnumMap<>(Target.class);
        Map<String, Map<AddressPart, String>> addressParts = new LinkedHashMap<>();
        for (Column column : columns.columns()) {
            String value = column.index() < fields.size() ? clean(fields.get(column.index())) : "";
            if (value.isBlank()) {
                continue;
            }
            switch (column.target()) {
                case NAME, FIRST_NAME, MIDDLE_NAME, LAST_NAME, NAME_PREFIX, NAME_SUFFIX ->
                        names.computeIfAbsent(column.target(), t -> new ArrayList<>()).add(value.strip());
                case ORGANISATION -> b.organisation = b.organisation == null ? value : b.organisation;
                case EMAIL -> b.emails.addAll(List.of(LIST_SPLIT.split(value)));
                case PHONE -> b.phones.addAll(List.of(PHONE_SPLIT.split(value)));
                case ADDRESS -> {
                    if (column.part() == null) {
                        for (String a : GOOGLE_SPLIT.split(value)) {
                            b.addresses.add(VCardContactReader.oneLine(a));
                        }
                    } else {
                        addressParts.computeIfAbsent(column.addressGroup(), g -> new EnumMap<>(AddressPart.class))
                                .merge(column.part(), VCardContactReader.oneLine(value), (x, y) -> x + ", " + y);
                    }
                }
                case TAGS -> b.tags.addAll(tags(value, column.systemLabels()));
                case NOTES -> b.notes.add(value);
                case TIER -> b.tier = value;
                case STATUS -> b.status = value.strip().toLowerCase(Locale.ROOT);
                // in Rapport's own export the id is the client's: the same form as the vCard's UID
                case ID -> b.externalId = (ownExport ? VCardClientWriter.UID_PREFIX : "csv:") + value.strip();
                case IGNORE -> {
                }
                default -> throw new IllegalStateException("unhandled column target " + column.target());
            }
        }
        for (Map<AddressPart, String> parts : addressParts.values()) {
            b.addresses.add(String.join(", ", parts.values()));
        }
        b.name = name(names);
        return b.build();
    }

    private static String name(Map<Target, List<String>> names) {
        if (names.containsKey(Target.NAME)) {
            return names.get(Target.NAME).get(0);
        }
        List<String> parts = new ArrayList<>();
        for (Target t : List.of(Target.NAME_PREFIX, Target.FIRST_NAME, Target.MIDDLE_NAME, Target.LAST_NAME,
                Target.NAME_SUFFIX)) {
            parts.addAll(names.getOrDefault(t, List.of()));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** Google's system groups ("* myContacts") are not tags; "* starred" becomes "starred". */
    private static List<String> tags(String value, boolean googleLabels) {
        List<String> tags = new ArrayList<>();
        for (String tag : LIST_SPLIT.split(value)) {
            String t = tag.strip();
            if (googleLabels && t.startsWith("* ")) {
                t = t.substring(2).strip();
                if (t.equalsIgnoreCase("myContacts")) {
                    continue;
                }
            }
            tags.add(t);
        }
        return tags;
    }

    /**
     * Undoes Rapport's formula neutralisation ("'=SUM(...)" was "=SUM(...)"), drops a BOM and makes line
     * breaks inside quoted fields plain newlines.
     */
    static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        String c = (cell.startsWith("\uFEFF") ? cell.substring(1) : cell).replace("\r\n", "\n");
        if (c.length() > 1 && c.charAt(0) == '\'' && CsvCells.isFormulaStart(c.charAt(1))) {
            return c.substring(1);
        }
        return c;
    }

    private static <T> T parse(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (CsvParseException e) {
            throw new InvalidInputException("file", "is not valid CSV: " + message(e));
        } catch (UncheckedIOException e) {
            throw e;
        }
    }

    private static String message(CsvParseException e) {
        Throwable t = e;
        while (t.getCause() instanceof CsvParseException) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "unreadable record" : t.getMessage();
        return e == t || e.getMessage() == null ? m : e.getMessage() + " (" + m + ")";
    }

    @Override
    public String description() {
        return columns.style();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
