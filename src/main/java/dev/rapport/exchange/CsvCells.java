package dev.rapport.exchange;

/**
 * CSV injection defence: a cell starting with = + - @ tab or CR is run as a formula by spreadsheets,
 * so the export prefixes it with an apostrophe (shown as text, not evaluated). Import undoes it.
 * The full-width forms (＝ ＋ － ＠) count too: spreadsheets with an East Asian input method
 * convert them to their ASCII forms when a cell is edited.
 */
final class CsvCells {
    private CsvCells() {
    }

    static boolean isFormulaStart(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return isFormulaStart(cell.charAt(0)) ? "'" + cell : cell;
    }
}
