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
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
