package fr.sesame.web;

/** The cells of the CSV files Sésame hands out (import reports, the audit trail's export). */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * A CSV cell: quoted, quotes doubled, and a leading =, +, - or @ defused so that a spreadsheet never
     * runs a value as a formula.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        // The first character alone: a value with a line break in it is defused too.
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
