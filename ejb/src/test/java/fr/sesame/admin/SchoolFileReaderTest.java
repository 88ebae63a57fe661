package fr.sesame.admin;

import fr.sesame.admin.SchoolLine.Accepted;
import fr.sesame.admin.SchoolLine.OutsideAcademie;
import fr.sesame.admin.SchoolLine.Rejected;
import fr.sesame.school.SchoolDescription;
import fr.sesame.school.Uai;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SchoolFileReaderTest {

    /** The sample the README and the browser test use: 23 lines of the directory's export after its header. */
    static final Path SAMPLE = Path.of(System.getProperty("sesame.sample.schools", "../docs/annuaire-education-exemple.csv"));

    /** The export's header as data.education.gouv.fr writes it with labels (72 columns). */
    private static final String HEADER;
    private static final int WIDTH;

    static {
        try {
            HEADER = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WIDTH = HEADER.split(";", -1).length;
    }

    private final SchoolFileReader reader = new SchoolFileReader("20");

    // --- the sample export

    @Test
    void theSampleHasTheDirectorysSeventyTwoColumns() {
        assertThat(WIDTH).isEqualTo(72);
        assertThat(HEADER).startsWith("Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;")
                .contains(";Nom_commune;Code_departement;Code_academie;Code_region;", ";Libelle_academie;")
                .endsWith(";code_bassin_formation;libelle_bassin_formation");
    }

    @Test
    void readsTheAcademiesEstablishmentsOfTheSampleAndReportsItsBadLines() throws IOException {
        List<SchoolLine> lines = read(Files.readAllBytes(SAMPLE));

        assertThat(lines).hasSize(23);
        assertThat(lines).filteredOn(Accepted.class::isInstance).hasSize(16);
        assertThat(lines).filteredOn(OutsideAcademie.class::isInstance).extracting(SchoolLine::lineNumber)
                .as("Lille, Arras, Reims, and Melun whose bad UAI is not the académie's business")
                .containsExactly(20, 21, 22, 23);
        assertThat(lines).filteredOn(Rejected.class::isInstance).map(Rejected.class::cast)
                .extracting(Rejected::lineNumber, Rejected::reason, Rejected::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(17, SchoolRejectionReason.DUPLICATE_UAI_IN_FILE, "0021325E"),
                        org.assertj.core.groups.Tuple.tuple(18, SchoolRejectionReason.UAI_INVALID, "080123A"),
                        org.assertj.core.groups.Tuple.tuple(19, SchoolRejectionReason.NAME_MISSING, "0802118T"));
    }

    @Test
    void readsTheFiveColumnsSesameKeeps() throws IOException {
        SchoolDescription lucas = school(read(Files.readAllBytes(SAMPLE)), "0801480Z");

        assertThat(lucas.name()).isEqualTo("Collège Édouard Lucas");
        assertThat(lucas.kind()).contains("Collège");
        assertThat(lucas.city()).isEqualTo("Amiens");
    }

    @Test
    void quotedCellsMayHoldTheSeparatorAndDoubledQuotes() throws IOException {
        List<SchoolLine> lines = read(Files.readAllBytes(SAMPLE));

        assertThat(school(lines, "0801714D").name()).isEqualTo("École maternelle Les Hortillons; site Saint-Leu");
        assertThat(school(lines, "0021123K").name()).isEqualTo("Collège \"Les Tilleuls\" – Saint-Quentin");
    }

    @Test
    void accentsAndLigaturesAreKeptComposed() throws IOException {
        List<SchoolLine> lines = read(Files.readAllBytes(SAMPLE));
        assertThat(school(lines, "0021224V").city()).isEqualTo("Œuilly");
        assertThat(school(lines, "0802017H").city()).isEqualTo("Crécy-en-Ponthieu");

        // A file from a Mac may hold decomposed accents: kept as the same text a person types.
        String decomposed = Normalizer.normalize("0801480Z;Collège Édouard Lucas;Collège;Amiens;20", Normalizer.Form.NFD);
        SchoolDescription lucas = ((Accepted) single(short5(decomposed))).school();
        assertThat(lucas.name()).isEqualTo("Collège Édouard Lucas");
    }

    @Test
    void theTypeOfEstablishmentMayBeEmpty() {
        assertThat(((Accepted) single(short5("0801480Z;Collège Édouard Lucas;;Amiens;20"))).school().kind()).isEmpty();
    }

    @Test
    void readingTheSameFileAgainGivesTheSameLines() throws IOException {
        byte[] sample = Files.readAllBytes(SAMPLE);

        assertThat(read(sample)).isEqualTo(read(sample));
    }

    // --- the académie

    @Test
    void keepsOnlyTheConfiguredAcademie() throws IOException {
        List<SchoolLine> lille = new SchoolFileReader("09").lines(new ByteArrayInputStream(Files.readAllBytes(SAMPLE))).toList();

        assertThat(lille).filteredOn(Accepted.class::isInstance).map(l -> ((Accepted) l).school().uai().value())
                .containsExactly("0590117G", "0620042J");
    }

    @Test
    void theAcademieCodeIsComparedWithoutLeadingZeros() {
        assertThat(new SchoolFileReader("020").lines(utf8(short5("0801480Z;Collège Édouard Lucas;Collège;Amiens;20"))).toList())
                .singleElement().isInstanceOf(Accepted.class);
        assertThat(new SchoolFileReader("9").lines(utf8(short5("0590117G;Lycée Faidherbe;Lycée;Lille;09"))).toList())
                .singleElement().isInstanceOf(Accepted.class);
        assertThat(single(short5("0590117G;Lycée Faidherbe;Lycée;Lille;09"))).isInstanceOf(OutsideAcademie.class);
        assertThat(single(short5("0590117G;Lycée Faidherbe;Lycée;Lille;200"))).isInstanceOf(OutsideAcademie.class);
    }

    @Test
    void aLineWithoutAcademieIsReportedWithItsUai() {
        Rejected line = (Rejected) single(short5("0801480Z;Collège Édouard Lucas;Collège;Amiens;"));

        assertThat(line.reason()).isEqualTo(SchoolRejectionReason.ACADEMIE_MISSING);
        assertThat(line.detail()).isEqualTo("0801480Z");
    }

    @Test
    void needsTheAcademieCode() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SchoolFileReader(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new SchoolFileReader(null));
    }

    // --- the header

    @Test
    void columnsAreFoundByNameWhateverTheirOrderAndCase() {
        String file = "code_academie;nom_commune;autre;identifiant_de_l_etablissement;TYPE_ETABLISSEMENT;nom_etablissement\n"
                + "20;Amiens;x;0801480z;Collège;Collège Édouard Lucas\n";

        SchoolDescription lucas = ((Accepted) read(file).get(0)).school();

        assertThat(lucas).isEqualTo(new SchoolDescription(new Uai("0801480Z"), "Collège Édouard Lucas", Optional.of("Collège"), "Amiens"));
    }

    @Test
    void aCommaSeparatedExportIsReadToo() {
        List<SchoolLine> lines = read("Identifiant_de_l_etablissement,Nom_etablissement,Type_etablissement,Nom_commune,Code_academie\n"
                + "0801714D,\"École maternelle Les Hortillons, site Saint-Leu\",Ecole,Amiens,20\n");

        assertThat(((Accepted) lines.get(0)).school().name()).isEqualTo("École maternelle Les Hortillons, site Saint-Leu");
    }

    @Test
    void aFileWhoseFirstLineIsNotTheHeaderIsNotTheDirectory() {
        List<SchoolLine> lines = read("0801480Z;Collège Édouard Lucas;Collège;Amiens;20\n0801512A;École;Ecole;Abbeville;20\n");

        assertThat(lines).singleElement().satisfies(line -> assertRejected(line, 1, SchoolRejectionReason.NOT_SCHOOL_DIRECTORY));
    }

    @Test
    void aHeaderWithoutOneOfTheFiveColumnsIsNotTheDirectory() {
        // An HR assignments file, for instance.
        assertRejected(read("NUMEN;Nom;Prénom;UAI;Courriel;Mobile;Date de début\n").get(0), 1, SchoolRejectionReason.NOT_SCHOOL_DIRECTORY);
        assertRejected(read(HEADER.replace("Code_academie", "Code_academie_x") + "\n").get(0), 1,
                SchoolRejectionReason.NOT_SCHOOL_DIRECTORY);
    }

    @Test
    void blankLinesAndAByteOrderMarkAreSkippedAndLineNumbersKept() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ("\r\n" + short5Header() + "\r\n\r\n;;;;\r\n0801480Z;Collège Édouard Lucas;Collège;Amiens;20\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(text, 0, file, bom.length, text.length);

        assertThat(read(file)).singleElement().extracting(SchoolLine::lineNumber).isEqualTo(5);
    }

    @Test
    void anEmptyFileHasNoLineAndAHeaderAloneNone() {
        assertThat(read("")).isEmpty();
        assertThat(read(HEADER + "\r\n")).isEmpty();
    }

    // --- bad lines

    @Test
    void aLineWithACellTooManyOrTooFewIsRefusedWhole() {
        // An unquoted ';' in a name shifts every column after it.
        assertRejected(single(short5("0801480Z;Collège; Édouard Lucas;Collège;Amiens;20")), 2, SchoolRejectionReason.WRONG_COLUMN_COUNT);
        assertRejected(single(short5("0801480Z;Collège Édouard Lucas;Amiens;20")), 2, SchoolRejectionReason.WRONG_COLUMN_COUNT);
        // Empty cells a spreadsheet adds at the end are no cells.
        assertThat(single(short5("0801480Z;Collège Édouard Lucas;Collège;Amiens;20;;"))).isInstanceOf(Accepted.class);
    }

    @Test
    void everyReasonCanBeProduced() {
        Set<SchoolRejectionReason> produced = EnumSet.noneOf(SchoolRejectionReason.class);
        String[] badLines = {
                "x".repeat(SchoolFileReader.MAX_LINE_LENGTH + 1),
                "0801480Z;\"Collège;Collège;Amiens;20",
                "0801480Z;Collège;Amiens;20",
                "0801480Z;Collège Édouard Lucas;Collège;Amiens;",
                "0801480;Collège Édouard Lucas;Collège;Amiens;20",
                "0801480Z;  ;Collège;Amiens;20",
                "0801480Z;" + "C".repeat(201) + ";Collège;Amiens;20",
                "0801480Z;Collège Édouard Lucas;" + "C".repeat(101) + ";Amiens;20",
                "0801480Z;Collège Édouard Lucas;Collège;;20",
                "0801480Z;Collège Édouard Lucas;Collège;" + "A".repeat(101) + ";20",
                "0801480Z;Collège Édouard Lucas;Collège;Amiens;20",
                "0801480Z;Collège Édouard Lucas;Collège;Amiens;20"};
        read(short5Header() + "\n" + String.join("\n", badLines)).forEach(line -> {
            if (line instanceof Rejected rejected) {
                produced.add(rejected.reason());
            }
        });
        read(new byte[] {(byte) 0xC3, (byte) 0x28}).forEach(line -> produced.add(((Rejected) line).reason()));
        read("NUMEN;Nom\n").forEach(line -> produced.add(((Rejected) line).reason()));

        assertThat(produced).containsExactlyInAnyOrder(SchoolRejectionReason.values());
    }

    @Test
    void aUaiWhoseFirstLineWasRefusedMayComeAgainCorrected() {
        List<SchoolLine> lines = read(short5Header() + "\n0801480Z;;Collège;Amiens;20\n0801480z;Collège Édouard Lucas;Collège;Amiens;20\n"
                + "0801480Z;Collège Édouard Lucas, site 2;Collège;Amiens;20\n");

        assertRejected(lines.get(0), 2, SchoolRejectionReason.NAME_MISSING);
        assertThat(lines.get(1)).isInstanceOf(Accepted.class);
        assertRejected(lines.get(2), 4, SchoolRejectionReason.DUPLICATE_UAI_IN_FILE);
    }

    @Test
    void aFileThatIsNotUtf8StopsAtItsFirstUnreadableLine() {
        byte[] latin1 = (short5Header() + "\n0801480Z;Coll\u00E8ge;Coll\u00E8ge;Amiens;20\n0801512A;Ecole;Ecole;Abbeville;20\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(read(latin1)).singleElement().satisfies(line -> assertRejected(line, 2, SchoolRejectionReason.FILE_NOT_UTF8));
    }

    @Test
    void controlCharactersAndRunsOfBlanksBecomeOneSpace() {
        SchoolDescription school = ((Accepted) single(short5("0801480Z;Collège\u0007  Édouard\u00A0Lucas ;Collège;Amiens;20"))).school();

        assertThat(school.name()).isEqualTo("Collège Édouard Lucas");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void streamsAFileAsBigAsTheNationalDirectoryWithoutHoldingIt() {
        GeneratedDirectory national = new GeneratedDirectory(70_000);

        long accepted;
        try (Stream<SchoolLine> lines = reader.lines(national)) {
            accepted = lines.filter(Accepted.class::isInstance).count();
        }

        assertThat(accepted).as("one line in three is the académie's").isEqualTo(70_000 / 3);
    }

    /** A directory of {@code schools} lines after a header, made as it is read; one in three of académie 20. */
    private static final class GeneratedDirectory extends java.io.InputStream {

        private final int schools;
        private byte[] current = (short5Header() + "\r\n").getBytes(StandardCharsets.UTF_8);
        private int position;
        private int school;

        GeneratedDirectory(int schools) {
            this.schools = schools;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (school == schools) {
                    return -1;
                }
                school++;
                current = (String.format("%07dA", school) + ";École n° " + school + ";Ecole;Commune " + school + ";"
                        + (school % 3 == 0 ? "20" : "09") + "\r\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return current[position++] & 0xFF;
        }
    }

    // --- helpers

    /** A header with just the five columns Sésame reads, in the directory's order. */
    private static String short5Header() {
        return "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Nom_commune;Code_academie";
    }

    private static String short5(String line) {
        return short5Header() + "\n" + line + "\n";
    }

    private static SchoolDescription school(List<SchoolLine> lines, String uai) {
        return lines.stream().filter(Accepted.class::isInstance).map(l -> ((Accepted) l).school())
                .filter(s -> s.uai().value().equals(uai)).findFirst().orElseThrow();
    }

    private SchoolLine single(String file) {
        List<SchoolLine> lines = read(file);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private List<SchoolLine> read(String file) {
        return read(file.getBytes(StandardCharsets.UTF_8));
    }

    private List<SchoolLine> read(byte[] file) {
        try (Stream<SchoolLine> lines = reader.lines(new ByteArrayInputStream(file))) {
            return lines.collect(Collectors.toList());
        }
    }

    private static java.io.InputStream utf8(String file) {
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(SchoolLine line, int number, SchoolRejectionReason reason) {
        assertThat(line).isInstanceOf(Rejected.class);
        assertThat(line.lineNumber()).isEqualTo(number);
        assertThat(((Rejected) line).reason()).isEqualTo(reason);
    }
}
