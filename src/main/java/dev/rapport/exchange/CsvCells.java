package dev.rapport.exchange;

/**
 * CSV injection defence: a cell starting with = + - @ tab or CR is run as a formula by spreadsheets,
 * so the export prefixes it with an apostrophe (shown as text, not evaluated). Import undoes it.
 */
final class CsvCells {
    private CsvCells() {
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return isFormulaStart(cell.charAt(0)) ? "'" + cell : cell;
    }
}
