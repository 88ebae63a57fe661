package fr.sesame.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

    @Test
    void quotesEveryCellAndDoublesItsQuotes() {
        assertThat(SpreadsheetCells.cell("Le Goff; dit \"Yann\"")).isEqualTo("\"Le Goff; dit \"\"Yann\"\"\"");
        assertThat(SpreadsheetCells.cell(null)).isEmpty();
    }

    @Test
    void defusesAFormulaEvenWithALineBreakInIt() {
        assertThat(SpreadsheetCells.cell("=HYPERLINK(\"http://x\")\nsuite")).startsWith("\"'=HYPERLINK");
        assertThat(SpreadsheetCells.cell("+33 6")).isEqualTo("\"'+33 6\"");
        assertThat(SpreadsheetCells.cell("@SUM(A1)")).startsWith("\"'@");
        assertThat(SpreadsheetCells.cell("cmartin")).isEqualTo("\"cmartin\"");
    }
}
