package fr.sesame.admin;

import fr.sesame.admin.CsvRecords.Cells;
import fr.sesame.admin.CsvRecords.Problem;
import fr.sesame.admin.CsvRecords.Unreadable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordsTest {

    @Test
    void givesTrimmedCellsNumberedAsTheFileAndSkipsBlankLinesAndEmptyRows() {
        assertThat(records("\r\n a ; \"b;c\" \r\n;;;\r\n\u00A0d;e\r\n", 100)).containsExactly(
                new Cells(2, List.of("a", "b;c")), new Cells(4, List.of("d", "e")));
    }

    @Test
    void theSeparatorIsTheFirstLines() {
        assertThat(records("a,b,c;d\ne;f;g,h\n", 100)).containsExactly(
                new Cells(1, List.of("a", "b", "c;d")), new Cells(2, List.of("e;f;g", "h")));
    }

    @Test
    void unreadableLinesAreRecordsAndNothingIsReadAfterALineThatIsNotUtf8() {
        byte[] file = ("x".repeat(11) + "\n\"a;b\nc;d\n\u00E9;e\nf;g\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(records(file, 10)).containsExactly(new Unreadable(1, Problem.TOO_LONG),
                new Unreadable(2, Problem.UNCLOSED_QUOTE), new Cells(3, List.of("c", "d")), new Unreadable(4, Problem.NOT_UTF8));
    }

    private static List<CsvRecords.Record> records(String file, int maxLineLength) {
        return records(file.getBytes(StandardCharsets.UTF_8), maxLineLength);
    }

    private static List<CsvRecords.Record> records(byte[] file, int maxLineLength) {
        CsvRecords records = new CsvRecords(new ByteArrayInputStream(file), maxLineLength);
        List<CsvRecords.Record> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        return all;
    }
}
