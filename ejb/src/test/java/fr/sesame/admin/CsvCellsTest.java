package fr.sesame.admin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void splitsOnTheSeparator() {
        assertThat(CsvCells.split("a;b;;c", ';')).contains(List.of("a", "b", "", "c"));
        assertThat(CsvCells.split("a,b,,c", ',')).contains(List.of("a", "b", "", "c"));
        assertThat(CsvCells.split("a,b;c", ';')).contains(List.of("a,b", "c"));
    }

    @Test
    void aQuotedCellHoldsSeparatorsAndDoubledQuotes() {
        assertThat(CsvCells.split("\"Le Goff; dit \"\"Yann\"\"\";x", ';'))
                .contains(List.of("Le Goff; dit \"Yann\"", "x"));
        assertThat(CsvCells.split("\"\";\"\"\"\"", ';')).contains(List.of("", "\""));
    }

    @Test
    void blanksBeforeAnOpeningQuoteAreLayout() {
        assertThat(CsvCells.split("a;  \"b;c\"  ;d", ';')).contains(List.of("a", "b;c  ", "d"));
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsACharacter() {
        assertThat(CsvCells.split("Jean \"JP\" Martin;x", ';')).contains(List.of("Jean \"JP\" Martin", "x"));
    }

    @Test
    void anUnclosedQuoteIsReported() {
        assertThat(CsvCells.split("a;\"b;c", ';')).isEmpty();
        assertThat(CsvCells.split("\"", ';')).isEmpty();
    }

    @Test
    void theSeparatorIsTheMoreFrequentOutsideQuotes() {
        assertThat(CsvCells.separatorOf("NUMEN;Nom;Prénom;UAI;Courriel;Mobile;Date de début")).isEqualTo(';');
        assertThat(CsvCells.separatorOf("NUMEN,Nom,Prénom,UAI,Courriel,Mobile,Date de début")).isEqualTo(',');
        assertThat(CsvCells.separatorOf("a;\"b,c,d,e\";f")).isEqualTo(';');
        assertThat(CsvCells.separatorOf("a,\"b;c;d;e\",f")).isEqualTo(',');
        assertThat(CsvCells.separatorOf("no separator")).isEqualTo(';');
    }
}
