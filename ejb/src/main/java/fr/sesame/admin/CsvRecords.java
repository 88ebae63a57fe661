package fr.sesame.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The records of an uploaded CSV file, as every import reads them: lines cut and decoded one by one
 * ({@link PhysicalLines}), the separator taken from the first line that is not blank, cells split as
 * spreadsheets write them ({@link CsvCells}) and trimmed, blank lines and empty spreadsheet rows
 * ({@code ;;;;}) left out. A line that cannot be read is a record too, so that each import reports it
 * with its own words; after a line that is not UTF-8 nothing more is read.
 */
final class CsvRecords implements Iterator<CsvRecords.Record> {

    /** What a line of the file gave; {@code number} is the line's, from 1, as an editor shows it. */
    sealed interface Record permits Cells, Unreadable {
        int number();
    }

    /** @param cells the line's cells, unquoted and trimmed; never all empty */
    record Cells(int number, List<String> cells) implements Record {
    }

    record Unreadable(int number, Problem problem) implements Record {
    }

    enum Problem {
        /** Not UTF-8: the last record of the file, whatever follows. */
        NOT_UTF8,
        /** Longer than the import's limit: skipped without being held. */
        TOO_LONG,
        /** A double quote opens a cell and is never closed on that line. */
        UNCLOSED_QUOTE
    }

    private final PhysicalLines file;
    private Character separator;
    private boolean stopped;
    private Record next;

    CsvRecords(InputStream in, int maxLineLength) {
        this.file = new PhysicalLines(in, maxLineLength);
    }

    /** @throws UncheckedIOException when the file cannot be read */
    @Override
    public boolean hasNext() {
        if (next == null && !stopped) {
            try {
                next = advance();
            } catch (IOException e) {
                stopped = true;
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record record = next;
        next = null;
        return record;
    }

    private Record advance() throws IOException {
        PhysicalLines.Line line;
        while ((line = file.next()) != null) {
            switch (line.status()) {
                case NOT_UTF8:
                    // Whatever follows would be read wrong: stop at the first line that cannot be read.
                    stopped = true;
                    return new Unreadable(line.number(), Problem.NOT_UTF8);
                case TOO_LONG:
                    return new Unreadable(line.number(), Problem.TOO_LONG);
                default:
                    break;
            }
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            if (separator == null) {
                separator = CsvCells.separatorOf(text);
            }
            Optional<List<String>> cells = CsvCells.split(text, separator);
            if (cells.isEmpty()) {
                return new Unreadable(line.number(), Problem.UNCLOSED_QUOTE);
            }
            List<String> trimmed = cells.get().stream().map(CsvCells::trim).toList();
            if (trimmed.stream().allMatch(String::isEmpty)) {
                continue; // an empty spreadsheet row, ";;;;;;", is a blank line
            }
            return new Cells(line.number(), trimmed);
        }
        stopped = true;
        return null;
    }
}
