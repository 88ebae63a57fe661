package fr.sesame.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cells of one CSV line as spreadsheets write them: a cell may be in double quotes, and then
 * holds separators and doubled quotes ({@code "Le Goff; dit ""Yann"""}). A record is one line: a
 * quoted cell does not run onto the next line, so line numbers stay those of the file and a stray
 * quote cannot swallow the rest of it.
 */
final class CsvCells {

    private static final char QUOTE = '"';

    private CsvCells() {
    }

    /**
     * The separator of a file, from its first line: the more frequent of {@code ;} (what French
     * spreadsheets write) and {@code ,} outside quotes, {@code ;} when neither is there.
     */
    static char separatorOf(String firstLine) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            char c = firstLine.charAt(i);
            if (c == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    /**
     * The cells, unquoted but not trimmed. A quote inside an unquoted cell is kept as a character.
     *
     * @return empty when a quoted cell is not closed
     */
    static Optional<List<String>> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != QUOTE) {
                    cell.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                    cell.append(QUOTE);
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == QUOTE && cell.toString().isBlank()) {
                // Blanks before an opening quote are layout, not content.
                cell.setLength(0);
                quoted = true;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        cells.add(cell.toString());
        return Optional.of(cells);
    }

    /** Like {@link String#strip()}, non-breaking spaces included: spreadsheets keep them from copied text. */
    static String trim(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && isBlank(cell.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
