package fr.sesame.admin;

import fr.sesame.admin.AssignmentLine.Accepted;
import fr.sesame.admin.AssignmentLine.Rejected;
import fr.sesame.school.Uai;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentFileReaderTest {

    private static final String HEADER = "NUMEN;Nom;Prénom;UAI;Courriel;Mobile;Date de début";
    private static final String CLAIRE =
            "20E1501234CMA;Martin;Claire;0801234A;claire.martin@laposte.net;06 12 34 56 78;2026-09-01";
    private static final String JEAN =
            "20E0500111JDU;Dupont;Jean;0600045T;jean.dupont@example.org;;01/09/2026";

    private final AssignmentFileReader reader = new AssignmentFileReader("ac-amiens.fr");

    // --- what an accepted line gives

    @Test
    void readsEveryColumnOfALine() {
        Accepted line = (Accepted) single(CLAIRE);

        Assignment claire = line.assignment();
        assertThat(line.lineNumber()).isEqualTo(1);
        assertThat(claire.numen().value()).isEqualTo("20E1501234CMA");
        assertThat(claire.surname()).isEqualTo("Martin");
        assertThat(claire.givenName()).isEqualTo("Claire");
        assertThat(claire.uai()).isEqualTo(new Uai("0801234A"));
        assertThat(claire.recoveryAddress()).isEqualTo("claire.martin@laposte.net");
        assertThat(claire.mobile()).map(m -> m.e164()).contains("+33612345678");
        assertThat(claire.startDate()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void anEmptyMobileIsNoMobile() {
        assertThat(((Accepted) single(JEAN)).assignment().mobile()).isEmpty();
    }

    @Test
    void readsBothDateForms() {
        assertThat(((Accepted) single(JEAN)).assignment().startDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(((Accepted) single(CLAIRE.replace("2026-09-01", "29/02/2028"))).assignment().startDate())
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void normalisesWhatTheFileHoldsLoosely() {
        Accepted line = (Accepted) single(
                "  20 e 15 01234 cma ; Le\u00A0 Goff ;\u00A0Jean-Pierre ; 0801234a ; JP.LeGoff@LaPoste.NET ;"
                        + " +33 6 12 34 56 78 ; 2026-09-01  ");

        Assignment assignment = line.assignment();
        assertThat(assignment.numen().value()).isEqualTo("20E1501234CMA");
        assertThat(assignment.surname()).isEqualTo("Le Goff");
        assertThat(assignment.givenName()).isEqualTo("Jean-Pierre");
        assertThat(assignment.uai().value()).isEqualTo("0801234A");
        // The domain is case-insensitive, the local part is kept as typed.
        assertThat(assignment.recoveryAddress()).isEqualTo("JP.LeGoff@laposte.net");
        assertThat(assignment.mobile()).map(m -> m.display()).contains("06 12 34 56 78");
    }

    @Test
    void namesAreKeptWithTheirAccentsComposed() {
        String decomposed = "E\u0301milie"; // as a Mac may write "Émilie"
        Accepted line = (Accepted) single(CLAIRE.replace("Claire", decomposed).replace("Martin", "D’Almeida"));

        assertThat(line.assignment().givenName()).isEqualTo("Émilie").hasSize(6);
        assertThat(line.assignment().surname()).isEqualTo("D’Almeida");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D'Almeida", "D’Almeida", "de La Fontaine", "Saint-Exupéry", "Dœuf", "Noël",
            "Ñúñez", "O’Connor-Smith"})
    void acceptsNamesWithAccentsHyphensApostrophesParticlesAndLigatures(String surname) {
        assertThat(single(CLAIRE.replace("Martin", surname))).isInstanceOf(Accepted.class);
    }

    @Test
    void toleratesEmptyColumnsASpreadsheetAddsAtTheEnd() {
        assertThat(single(CLAIRE + ";;;")).isInstanceOf(Accepted.class);
    }

    // --- file layout

    @Test
    void readsCommaSeparatedFilesToo() {
        String line = CLAIRE.replace(';', ',');

        assertThat(single(line)).isInstanceOf(Accepted.class);
    }

    @Test
    void takesTheSeparatorFromTheFirstLine() {
        // A comma file with a semicolon in a quoted cell, then a line using semicolons: not this file's separator.
        List<AssignmentLine> lines = read("NUMEN,Nom,\"Prénom; usuel\",UAI,Courriel,Mobile,Date\n"
                + CLAIRE.replace(';', ',') + "\n" + JEAN + "\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isInstanceOf(Accepted.class);
        assertRejected(lines.get(1), 3, RejectionReason.WRONG_COLUMN_COUNT);
    }

    @Test
    void readsQuotedCellsWithSeparatorsAndDoubledQuotes() {
        List<AssignmentLine> lines = read(
                "\"20E1501234CMA\";\"Martin; née Durand\";\"Claire\";0801234A;\"claire@laposte.net\";;2026-09-01\n"
                        + "\"20E0500111JDU\",\"Le Goff\",\"Jean \"\"JP\"\"\",0600045T,\"jp@example.org\",\"\",01/09/2026\n");

        // The first line sets ';': the semicolon inside quotes stays in the surname, which is then not a name.
        assertRejected(lines.get(0), 1, RejectionReason.NAME_INVALID);
        assertThat(lines.get(0)).extracting(l -> ((Rejected) l).detail()).isEqualTo("Martin; née Durand");
        assertRejected(lines.get(1), 2, RejectionReason.WRONG_COLUMN_COUNT);
    }

    @Test
    void aQuotedCellMayHoldTheSeparatorOfTheFile() {
        Rejected line = (Rejected) single(
                "20E1501234CMA,\"Martin, dite Claire\",Claire,0801234A,claire@laposte.net,,2026-09-01");

        // Seven columns: the comma stayed in the surname, where it is not a letter.
        assertThat(line.reason()).isEqualTo(RejectionReason.NAME_INVALID);
        assertThat(line.detail()).isEqualTo("Martin, dite Claire");
        assertThat(read("20E1501234CMA,\"Le Goff\",\"Jean-Pierre\",0801234A,\"jp@laposte.net\",\"06 12 34 56 78\",2026-09-01"))
                .singleElement().isInstanceOf(Accepted.class);
    }

    @Test
    void aHeaderLineIsSkippedAndCountsAsLineOne() {
        List<AssignmentLine> lines = read(HEADER + "\n" + CLAIRE + "\n" + JEAN + "\n");

        assertThat(lines).extracting(AssignmentLine::lineNumber).containsExactly(2, 3);
        assertThat(lines).allMatch(Accepted.class::isInstance);
    }

    @Test
    void aFileWithoutHeaderStartsWithData() {
        List<AssignmentLine> lines = read(CLAIRE + "\n" + JEAN);

        assertThat(lines).extracting(AssignmentLine::lineNumber).containsExactly(1, 2);
        assertThat(lines).allMatch(Accepted.class::isInstance);
    }

    @Test
    void aMistypedNumenOnTheFirstLineIsReportedNotTakenForAHeader() {
        List<AssignmentLine> lines = read(CLAIRE.replace("20E1501234CMA", "20E150123CMA") + "\n" + JEAN);

        assertRejected(lines.get(0), 1, RejectionReason.NUMEN_INVALID);
        assertThat(lines.get(1)).isInstanceOf(Accepted.class);
    }

    @Test
    void onlyTheFirstLineCanBeAHeader() {
        List<AssignmentLine> lines = read(CLAIRE + "\n" + HEADER);

        assertRejected(lines.get(1), 2, RejectionReason.NUMEN_INVALID);
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        List<AssignmentLine> withHeader = read("\uFEFF" + HEADER + "\r\n" + CLAIRE + "\r\n");
        List<AssignmentLine> withoutHeader = read("\uFEFF" + CLAIRE + "\r\n");

        assertThat(withHeader).singleElement().isInstanceOf(Accepted.class)
                .extracting(AssignmentLine::lineNumber).isEqualTo(2);
        assertThat(withoutHeader).singleElement().isInstanceOf(Accepted.class);
    }

    @Test
    void blankLinesAreSkippedButStillCounted() {
        List<AssignmentLine> lines = read("\n  \n" + HEADER + "\n\n" + CLAIRE + "\n;;;;;;\n \t \n" + JEAN + "\n\n");

        assertThat(lines).extracting(AssignmentLine::lineNumber).containsExactly(5, 8);
        assertThat(lines).allMatch(Accepted.class::isInstance);
    }

    @Test
    void anEmptySpreadsheetRowBeforeTheHeaderIsABlankLine() {
        List<AssignmentLine> lines = read(";;;;;;\n\u00A0;\u00A0\n" + HEADER + "\n" + CLAIRE);

        assertThat(lines).singleElement().isInstanceOf(Accepted.class)
                .extracting(AssignmentLine::lineNumber).isEqualTo(4);
    }

    @Test
    void lineNumbersAreThoseOfTheFileWhateverItsLineEnds() {
        List<AssignmentLine> lines = read(HEADER + "\r" + CLAIRE + "\r\n\r\n" + JEAN + "\r");

        assertThat(lines).extracting(AssignmentLine::lineNumber).containsExactly(2, 4);
    }

    @Test
    void anEmptyFileHasNoLine() {
        assertThat(read("")).isEmpty();
        assertThat(read("\uFEFF")).isEmpty();
        assertThat(read(HEADER + "\n")).isEmpty();
        assertThat(read("\n\n\n")).isEmpty();
    }

    // --- every reason a line is refused, with its detail

    @Test
    void aFileThatIsNotUtf8IsRefusedAtItsFirstUnreadableLineAndNothingMoreIsRead() {
        String file = HEADER + "\n" + CLAIRE + "\n" + JEAN.replace("Jean", "Hélène") + "\n" + CLAIRE + "\n";

        List<AssignmentLine> lines = read(file.getBytes(Charset.forName("windows-1252")));

        // The header's é is already not UTF-8.
        assertThat(lines).singleElement().satisfies(l -> assertRejected(l, 1, RejectionReason.FILE_NOT_UTF8));
    }

    @Test
    void aWindowsFileWithoutAccentsBeforeLineThreeIsReadUpToIt() {
        String file = CLAIRE + "\n" + JEAN + "\n" + JEAN.replace("Jean", "Hélène") + "\n" + CLAIRE + "\n";

        List<AssignmentLine> lines = read(file.getBytes(Charset.forName("windows-1252")));

        assertThat(lines).hasSize(3);
        assertRejected(lines.get(2), 3, RejectionReason.FILE_NOT_UTF8);
    }

    @Test
    void aSpreadsheetOrAUtf16FileIsNotUtf8() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0xA2, (byte) 0xE3, (byte) 0x9F};
        byte[] utf16 = (HEADER + "\r\n" + CLAIRE).getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16WithBom = new byte[utf16.length + 2];
        utf16WithBom[0] = (byte) 0xFF;
        utf16WithBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, utf16WithBom, 2, utf16.length);

        assertThat(read(xlsx)).singleElement().satisfies(l -> assertRejected(l, 1, RejectionReason.FILE_NOT_UTF8));
        assertThat(read(utf16WithBom)).singleElement()
                .satisfies(l -> assertRejected(l, 1, RejectionReason.FILE_NOT_UTF8));
    }

    @Test
    void aLineOfMoreThanTwoThousandCharactersIsRefusedAndTheNextOneRead() {
        String longLine = CLAIRE.replace("Martin", "M".repeat(2001));
        String justFits = CLAIRE.replace("Claire;", " ".repeat(2000 - CLAIRE.length()) + "Claire;");
        assertThat(justFits).hasSize(2000);

        List<AssignmentLine> lines = read(longLine + "\n" + justFits + "\n" + "x".repeat(1_000_000) + "\n" + JEAN);

        assertRejected(lines.get(0), 1, RejectionReason.LINE_TOO_LONG);
        assertThat(lines.get(1)).isInstanceOf(Accepted.class);
        assertRejected(lines.get(2), 3, RejectionReason.LINE_TOO_LONG);
        assertThat(lines.get(3)).isInstanceOf(Accepted.class).extracting(AssignmentLine::lineNumber).isEqualTo(4);
        assertThat(((Rejected) lines.get(0)).detail()).isEmpty();
    }

    @Test
    void anUnclosedQuoteRefusesItsLineOnly() {
        List<AssignmentLine> lines = read(CLAIRE.replace("Martin", "\"Martin") + "\n" + JEAN);

        assertRejected(lines.get(0), 1, RejectionReason.UNCLOSED_QUOTE);
        assertThat(lines.get(1)).isInstanceOf(Accepted.class);
    }

    @Test
    void aLineWithoutTheSevenColumnsIsRefusedWithoutShowingItsContent() {
        Rejected tooFew = (Rejected) single("20E1501234CMA;Martin;Claire;0801234A;claire@laposte.net;2026-09-01");
        Rejected tooMany = (Rejected) single(CLAIRE + ";2027-06-30;extra");

        assertThat(tooFew.reason()).isEqualTo(RejectionReason.WRONG_COLUMN_COUNT);
        assertThat(tooFew.detail()).isEqualTo("6");
        assertThat(tooMany.reason()).isEqualTo(RejectionReason.WRONG_COLUMN_COUNT);
        assertThat(tooMany.detail()).isEqualTo("9");
    }

    @Test
    void aNumenOfTheWrongShapeIsRefusedAndShownMasked() {
        Rejected line = (Rejected) single(CLAIRE.replace("20E1501234CMA", "20E15O1234CMA"));

        assertThat(line.reason()).isEqualTo(RejectionReason.NUMEN_INVALID);
        assertThat(line.detail()).isEqualTo("20E********MA");
    }

    @Test
    void aMissingNumenIsInvalidWithNothingToShow() {
        Rejected line = (Rejected) single(CLAIRE.replace("20E1501234CMA", ""));

        assertThat(line.reason()).isEqualTo(RejectionReason.NUMEN_INVALID);
        assertThat(line.detail()).isEmpty();
    }

    @Test
    void aVeryLongNumenCellIsMaskedAndCut() {
        Rejected line = (Rejected) single(CLAIRE.replace("20E1501234CMA", "20E1501234CMA".repeat(100)));

        assertThat(line.reason()).isEqualTo(RejectionReason.NUMEN_INVALID);
        assertThat(line.detail()).hasSizeLessThanOrEqualTo(80).startsWith("20E****").doesNotContain("1501234");
    }

    @Test
    void missingNamesAreReportedSurnameFirst() {
        assertRejected(single(CLAIRE.replace("Martin", "")), 1, RejectionReason.SURNAME_MISSING);
        assertRejected(single(CLAIRE.replace("Martin", "  ")), 1, RejectionReason.SURNAME_MISSING);
        assertRejected(single(CLAIRE.replace("Claire;", ";")), 1, RejectionReason.GIVEN_NAME_MISSING);
        assertRejected(single(CLAIRE.replace("Martin;Claire", ";")), 1, RejectionReason.SURNAME_MISSING);
    }

    @Test
    void aNameOfMoreThanSixtyFourCharactersIsRefused() {
        Rejected line = (Rejected) single(CLAIRE.replace("Claire", "C".repeat(65)));

        assertThat(line.reason()).isEqualTo(RejectionReason.NAME_TOO_LONG);
        assertThat(line.detail()).isEqualTo("C".repeat(65));
        assertThat(single(CLAIRE.replace("Martin", "M".repeat(64)))).isInstanceOf(Accepted.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*)(uid=*", "Martin*", "Martin2", "Mar(tin)", "Martin, Dupont", "Mar\\tin",
            "Martin.", "<script>", "Martin\u0000", "张", "Μαρτίν", "’", "- -", "''"})
    void aNameWithDigitsOrSymbolsOrWithoutLettersIsRefused(String surname) {
        String line = CLAIRE.replace("Martin", surname.contains(";") ? "\"" + surname + "\"" : surname);

        assertRejected(single(line), 1, RejectionReason.NAME_INVALID);
    }

    @Test
    void anLdapFilterInTheGivenNameIsRefusedAndShown() {
        Rejected line = (Rejected) single(CLAIRE.replace("Claire", "*)(uid=*"));

        assertThat(line.reason()).isEqualTo(RejectionReason.NAME_INVALID);
        assertThat(line.detail()).isEqualTo("*)(uid=*");
    }

    @Test
    void aNumenTypedInTheNameColumnIsNotShownInClear() {
        Rejected line = (Rejected) single("20E1501234CMA;20E0500111JDU;Claire;0801234A;c@laposte.net;;2026-09-01");

        assertThat(line.reason()).isEqualTo(RejectionReason.NAME_INVALID);
        assertThat(line.detail()).isEqualTo("20E********DU");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "080123A", "08012345A", "0801234", "A0801234", "0801234AB"})
    void aUaiOfTheWrongShapeIsRefused(String uai) {
        Rejected line = (Rejected) single(CLAIRE.replace("0801234A", uai));

        assertThat(line.reason()).isEqualTo(RejectionReason.UAI_INVALID);
        assertThat(line.detail()).isEqualTo(uai);
    }

    @Test
    void aMissingRecoveryAddressIsRefused() {
        assertRejected(single(CLAIRE.replace("claire.martin@laposte.net", "")), 1,
                RejectionReason.RECOVERY_ADDRESS_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claire.martin", "claire@laposte", "@laposte.net", "claire@", "claire@@laposte.net",
            "claire martin@laposte.net", "Claire <claire@laposte.net>", "claire@laposte.net claire@free.fr",
            "claire@[192.168.1.1]", "\"\"\"claire\"\"@laposte.net\"", "claire..martin@laposte.net",
            ".claire@laposte.net", "claire@laposte..net", "claire@-laposte.net", "claire@laposte.n3t.",
            "hélène@laposte.net", "claire@lapösté.fr", "claire@laposte.net\u0000", "*)(mail=*@x.fr)"})
    void aRecoveryAddressThatIsNotOnePlainAddressIsRefused(String address) {
        Rejected line = (Rejected) single(CLAIRE.replace("claire.martin@laposte.net", address));

        assertThat(line.reason()).isEqualTo(RejectionReason.RECOVERY_ADDRESS_INVALID);
    }

    @Test
    void aRecoveryAddressOfMoreThan254CharactersIsRefused() {
        String address = "c@" + String.join(".", "a".repeat(62), "b".repeat(62), "c".repeat(62), "d".repeat(62), "fr");
        assertThat(address).hasSizeGreaterThan(254);

        Rejected line = (Rejected) single(CLAIRE.replace("claire.martin@laposte.net", address));

        assertThat(line.reason()).isEqualTo(RejectionReason.RECOVERY_ADDRESS_INVALID);
        assertThat(line.detail()).hasSize(80);
        String longest = "c@" + String.join(".", "a".repeat(62), "b".repeat(62), "c".repeat(62), "d".repeat(61), "f");
        assertThat(longest).hasSize(254);
        assertThat(single(CLAIRE.replace("claire.martin@laposte.net", longest))).isInstanceOf(Accepted.class);
    }

    @Test
    void aSeparatorInAQuotedAddressDoesNotMakeTwoAddresses() {
        Rejected line = (Rejected) single(
                CLAIRE.replace("claire.martin@laposte.net", "\"claire@laposte.net;claire@free.fr\""));

        assertThat(line.reason()).isEqualTo(RejectionReason.RECOVERY_ADDRESS_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claire.martin@ac-amiens.fr", "claire.martin@AC-AMIENS.FR", "c.martin@etab.ac-amiens.fr"})
    void anAddressOfTheAcademieCannotBeARecoveryAddress(String address) {
        assertRejected(single(CLAIRE.replace("claire.martin@laposte.net", address)), 1,
                RejectionReason.RECOVERY_ADDRESS_ACADEMIC);
    }

    @Test
    void anotherAcademiesAddressOrALookAlikeDomainIsNotTheAcademies() {
        assertThat(single(CLAIRE.replace("laposte.net", "ac-lille.fr"))).isInstanceOf(Accepted.class);
        assertThat(single(CLAIRE.replace("laposte.net", "notac-amiens.fr"))).isInstanceOf(Accepted.class);
    }

    @Test
    void theAcademieDomainMayBeGivenWithAnAtSignOrInCapitals() {
        AssignmentFileReader other = new AssignmentFileReader(" @AC-Amiens.FR ");

        List<AssignmentLine> lines = other.lines(utf8(CLAIRE.replace("laposte.net", "ac-amiens.fr"))).toList();

        assertRejected(lines.get(0), 1, RejectionReason.RECOVERY_ADDRESS_ACADEMIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 23 45 67 89", "0612", "06 12 34 56 7A", "+44 7911 123456", "n/a"})
    void aMobileThatIsNotAFrenchMobileIsRefused(String mobile) {
        Rejected line = (Rejected) single(CLAIRE.replace("06 12 34 56 78", mobile));

        assertThat(line.reason()).isEqualTo(RejectionReason.MOBILE_INVALID);
        assertThat(line.detail()).isEqualTo(mobile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-02-30", "31/02/2026", "2026/09/01", "01-09-2026", "1/9/2026", "09/01/26",
            "2026-9-1", "demain", "2026-09-01T08:00"})
    void aStartDateInAnotherFormOrNotInTheCalendarIsRefused(String date) {
        Rejected line = (Rejected) single(CLAIRE.replace("2026-09-01", date));

        assertThat(line.reason()).isEqualTo(RejectionReason.START_DATE_INVALID);
        assertThat(line.detail()).isEqualTo(date);
    }

    @Test
    void anEighthColumnGivesTheLastDayInEitherFormAndAnEmptyOneNone() {
        assertThat(((Accepted) single(CLAIRE + ";2027-06-30")).assignment().endDate()).contains(LocalDate.of(2027, 6, 30));
        assertThat(((Accepted) single(CLAIRE + ";30/06/2027")).assignment().endDate()).contains(LocalDate.of(2027, 6, 30));
        assertThat(((Accepted) single(CLAIRE + "; ")).assignment().endDate()).isEmpty();
        assertThat(((Accepted) single(CLAIRE)).assignment().endDate()).isEmpty();
        assertThat(((Accepted) single(CLAIRE + ";2026-09-01")).assignment().endDate())
                .as("a one-day assignment").contains(LocalDate.of(2026, 9, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30", "30/06/27", "juin 2027", "2027-06-30T18:00"})
    void anEndDateInAnotherFormOrNotInTheCalendarIsRefused(String date) {
        Rejected line = (Rejected) single(CLAIRE + ";" + date);

        assertThat(line.reason()).isEqualTo(RejectionReason.END_DATE_INVALID);
        assertThat(line.detail()).isEqualTo(date);
    }

    @Test
    void anEndDateBeforeTheStartDateIsRefused() {
        Rejected line = (Rejected) single(CLAIRE + ";31/08/2026");

        assertThat(line.reason()).isEqualTo(RejectionReason.END_BEFORE_START);
        assertThat(line.detail()).isEqualTo("31/08/2026");
    }

    @Test
    void theSameNumenTwiceInAFileRefusesTheSecondLine() {
        List<AssignmentLine> lines = read(HEADER + "\n" + CLAIRE + "\n" + JEAN + "\n"
                + CLAIRE.replace("0801234A", "0600045T").replace("20E1501234CMA", "20 e 15 01234 cma") + "\n");

        assertThat(lines.get(0)).isInstanceOf(Accepted.class);
        assertThat(lines.get(1)).isInstanceOf(Accepted.class);
        assertRejected(lines.get(2), 4, RejectionReason.DUPLICATE_NUMEN_IN_FILE);
        assertThat(((Rejected) lines.get(2)).detail()).isEqualTo("20E********MA");
    }

    @Test
    void aNumenWhoseFirstLineWasRefusedMayComeAgainCorrected() {
        List<AssignmentLine> lines = read(CLAIRE.replace("0801234A", "0801234") + "\n" + CLAIRE);

        assertRejected(lines.get(0), 1, RejectionReason.UAI_INVALID);
        assertThat(lines.get(1)).isInstanceOf(Accepted.class);
    }

    @Test
    void everyReasonCanBeProduced() {
        Set<RejectionReason> produced = EnumSet.noneOf(RejectionReason.class);
        String[] badLines = {
                "x".repeat(2001),
                CLAIRE.replace("Martin", "\"Martin"),
                "20E1501234CMA;Martin",
                CLAIRE.replace("20E1501234CMA", "20E"),
                CLAIRE.replace("Martin", ""),
                CLAIRE.replace("Claire", ""),
                CLAIRE.replace("Claire", "C".repeat(65)),
                CLAIRE.replace("Claire", "*)(uid=*"),
                CLAIRE.replace("0801234A", "0801234"),
                CLAIRE.replace("claire.martin@laposte.net", ""),
                CLAIRE.replace("claire.martin@laposte.net", "claire"),
                CLAIRE.replace("laposte.net", "ac-amiens.fr"),
                CLAIRE.replace("06 12 34 56 78", "01 23 45 67 89"),
                CLAIRE.replace("2026-09-01", "2026-13-01"),
                CLAIRE + ";2027-13-01",
                CLAIRE + ";2026-08-31",
                CLAIRE,
                CLAIRE};
        read(String.join("\n", badLines)).forEach(l -> {
            if (l instanceof Rejected rejected) {
                produced.add(rejected.reason());
            }
        });
        read(new byte[] {(byte) 0xC3, (byte) 0x28}).forEach(l -> produced.add(((Rejected) l).reason()));

        // The établissements Sésame knows are in the database: the import finds UNKNOWN_SCHOOL, not the reader.
        assertThat(produced).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(RejectionReason.UNKNOWN_SCHOOL)));
    }

    @Test
    void noRejectionEverShowsAFullNumen() {
        String numen = "20E1501234CMA";
        String[] lines = {
                "x".repeat(2001) + numen,
                numen + ";\"Martin",
                numen + ";Martin",
                numen + ";" + numen + ";Claire;0801234A;c@laposte.net;;2026-09-01",
                numen + ";Martin;Claire;" + numen + ";c@laposte.net;;2026-09-01",
                numen + ";Martin;Claire;0801234A;" + numen + "@laposte.net;;2026-09-01",
                numen + ";Martin;Claire;0801234A;" + numen + ";;2026-09-01",
                numen + ";Martin;Claire;0801234A;c@laposte.net;" + numen + ";2026-09-01",
                numen + ";Martin;Claire;0801234A;c@laposte.net;;" + numen,
                numen + ";Martin;Claire;0801234A;c@laposte.net;;2026-09-01",
                numen + ";Martin;Claire;0801234A;c@laposte.net;;2026-09-01",
                numen + "X;Martin;Claire;0801234A;c@laposte.net;;2026-09-01"};

        List<AssignmentLine> read = read(String.join("\n", lines));

        assertThat(read).filteredOn(Rejected.class::isInstance).hasSize(11)
                .allSatisfy(l -> assertThat(((Rejected) l).detail()).doesNotContain("1501234"));
    }

    // --- size

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void streamsAThirtyFiveThousandLineFileWithoutHoldingIt() {
        int agents = 35_000;
        InputStream generated = new GeneratedFile(agents);

        long accepted;
        try (Stream<AssignmentLine> lines = reader.lines(generated)) {
            accepted = lines.filter(Accepted.class::isInstance).count();
        }

        assertThat(accepted).isEqualTo(agents);
    }

    @Test
    void readsOnlyAsFarAsTheStreamIsConsumed() {
        GeneratedFile generated = new GeneratedFile(35_000);

        List<AssignmentLine> firstTen = reader.lines(generated).limit(10).toList();

        assertThat(firstTen).extracting(AssignmentLine::lineNumber).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(generated.served.get()).isLessThan(100_000);
    }

    @Test
    void aFailingFileSurfacesAsAnUncheckedIoException() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> reader.lines(broken).toList()).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void needsTheAcademieDomain() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AssignmentFileReader(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new AssignmentFileReader(null));
    }

    // --- helpers

    /**
     * A file of {@code agents} distinct lines after a header, made as it is read: the test itself holds
     * no more of it than the reader does.
     */
    private static final class GeneratedFile extends InputStream {

        private final int agents;
        private final AtomicLong served = new AtomicLong();
        private byte[] current = (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        private int position;
        private int agent;

        GeneratedFile(int agents) {
            this.agents = agents;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (agent == agents) {
                    return -1;
                }
                agent++;
                String numen = String.format("20E%02d%05d%s", agent % 100, agent, letters(agent));
                current = (numen + ";Martin;Zoé;0801234A;zoe.martin" + agent + "@laposte.net;06 12 34 56 78;2026-09-01\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            served.incrementAndGet();
            return current[position++] & 0xFF;
        }

        private static String letters(int n) {
            return "" + (char) ('A' + n / 676 % 26) + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
        }
    }

    private AssignmentLine single(String line) {
        List<AssignmentLine> lines = read(line);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private List<AssignmentLine> read(String file) {
        return read(file.getBytes(StandardCharsets.UTF_8));
    }

    private List<AssignmentLine> read(byte[] file) {
        try (Stream<AssignmentLine> lines = reader.lines(new ByteArrayInputStream(file))) {
            return lines.collect(Collectors.toList());
        }
    }

    private static InputStream utf8(String file) {
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(AssignmentLine line, int number, RejectionReason reason) {
        assertThat(line).isInstanceOf(Rejected.class);
        assertThat(line.lineNumber()).isEqualTo(number);
        assertThat(((Rejected) line).reason()).isEqualTo(reason);
    }
}
