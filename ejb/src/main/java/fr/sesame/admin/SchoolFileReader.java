package fr.sesame.admin;

import fr.sesame.admin.SchoolLine.Accepted;
import fr.sesame.admin.SchoolLine.OutsideAcademie;
import fr.sesame.admin.SchoolLine.Rejected;
import fr.sesame.school.School;
import fr.sesame.school.SchoolDescription;
import fr.sesame.school.Uai;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the CSV export of the national directory of schools, the "Annuaire de l'éducation"
 * (data.education.gouv.fr, dataset {@code fr-en-annuaire-education}): UTF-8, {@code ;}-separated (a
 * {@code ,} export is read too), a header line naming its seventy-odd columns, one établissement a line.
 * Columns are found by their name in the header, whatever their order and case (the export's labels,
 * {@code Identifiant_de_l_etablissement}, or its field names, {@code identifiant_de_l_etablissement}); Sésame
 * reads five of them: {@value #UAI}, {@value #NAME}, {@value #KIND}, {@value #CITY} and {@value #ACADEMIE}.
 * Lines of another académie than the one configured are left out, counted apart; the others give an
 * {@link Accepted} établissement or a {@link Rejected} line with its reason.
 *
 * <p>The file is streamed: only the current line and the UAIs already accepted are in memory.
 */
public final class SchoolFileReader {

    /** The directory's lines are a few hundred characters long. */
    public static final int MAX_LINE_LENGTH = 4000;

    static final String UAI = "Identifiant_de_l_etablissement";
    static final String NAME = "Nom_etablissement";
    static final String KIND = "Type_etablissement";
    static final String CITY = "Nom_commune";
    static final String ACADEMIE = "Code_academie";
    private static final List<String> USED = List.of(UAI, NAME, KIND, CITY, ACADEMIE);

    private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Cntrl}\\u00A0\\u2007\\u202F]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String academie;

    /**
     * @param academieCode the académie's code as the directory's {@value #ACADEMIE} column gives it
     *                     ({@code 20} for Amiens); leading zeros do not count ({@code 01} is {@code 1})
     */
    public SchoolFileReader(String academieCode) {
        if (academieCode == null || academieCode.isBlank()) {
            throw new IllegalArgumentException("The académie's code is needed to keep its établissements only");
        }
        this.academie = code(academieCode);
    }

    /**
     * The lines of the file after its header, in order, blank lines left out. The stream reads the file
     * as it is consumed; it does not close {@code in}. After a {@link SchoolRejectionReason#FILE_NOT_UTF8}
     * or {@link SchoolRejectionReason#NOT_SCHOOL_DIRECTORY} line nothing more is read: the importer
     * refuses the whole file, which is why it reads it once before importing any line.
     *
     * @throws UncheckedIOException from the stream's operations when the file cannot be read
     */
    public Stream<SchoolLine> lines(InputStream in) {
        Objects.requireNonNull(in, "in");
        Iterator<SchoolLine> lines = new Lines(new CsvRecords(in, MAX_LINE_LENGTH));
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private final class Lines implements Iterator<SchoolLine> {

        private final CsvRecords file;
        /** UAIs of accepted lines only: a UAI whose first line was refused may come again. */
        private final Set<String> accepted = new HashSet<>();
        /** Where each column Sésame reads is, and how many columns a line has; null before the header. */
        private Map<String, Integer> columns;
        private int width;
        private boolean stopped;
        private SchoolLine next;

        Lines(CsvRecords file) {
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !stopped) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public SchoolLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SchoolLine line = next;
            next = null;
            return line;
        }

        private SchoolLine advance() {
            while (file.hasNext()) {
                CsvRecords.Record record = file.next();
                if (record instanceof CsvRecords.Unreadable unreadable
                        && unreadable.problem() == CsvRecords.Problem.NOT_UTF8) {
                    stopped = true;
                    return new Rejected(record.number(), SchoolRejectionReason.FILE_NOT_UTF8, "");
                }
                if (columns == null) {
                    Optional<Map<String, Integer>> header = record instanceof CsvRecords.Cells cells
                            ? header(cells.cells()) : Optional.empty();
                    if (header.isEmpty()) {
                        // Without the header no cell can be read: this is not the directory's export.
                        stopped = true;
                        return new Rejected(record.number(), SchoolRejectionReason.NOT_SCHOOL_DIRECTORY, "");
                    }
                    columns = header.get();
                    width = ((CsvRecords.Cells) record).cells().size();
                    continue;
                }
                if (record instanceof CsvRecords.Unreadable unreadable) {
                    return new Rejected(record.number(), unreadable.problem() == CsvRecords.Problem.TOO_LONG
                            ? SchoolRejectionReason.LINE_TOO_LONG : SchoolRejectionReason.UNCLOSED_QUOTE, "");
                }
                SchoolLine read = read((CsvRecords.Cells) record);
                if (read instanceof Accepted school && !accepted.add(school.school().uai().value())) {
                    return new Rejected(read.lineNumber(), SchoolRejectionReason.DUPLICATE_UAI_IN_FILE,
                            school.school().uai().value());
                }
                return read;
            }
            stopped = true;
            return null;
        }

        private SchoolLine read(CsvRecords.Cells record) {
            List<String> cells = record.cells();
            int number = record.number();
            if (cells.size() < width
                    || cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(c -> !c.isEmpty())) {
                // A cell too many or too few shifts every column after it: nothing on the line can be trusted.
                return new Rejected(number, SchoolRejectionReason.WRONG_COLUMN_COUNT, Integer.toString(cells.size()));
            }
            String typedUai = cell(cells, UAI);
            String academieCell = cell(cells, ACADEMIE);
            if (academieCell.isEmpty()) {
                return new Rejected(number, SchoolRejectionReason.ACADEMIE_MISSING, typedUai);
            }
            if (!code(academieCell).equals(academie)) {
                return new OutsideAcademie(number);
            }
            Optional<Uai> uai = Uai.parse(typedUai);
            if (uai.isEmpty()) {
                return new Rejected(number, SchoolRejectionReason.UAI_INVALID, typedUai);
            }
            String name = text(cell(cells, NAME));
            if (name.isEmpty()) {
                return new Rejected(number, SchoolRejectionReason.NAME_MISSING, uai.get().value());
            }
            if (name.length() > School.NAME_LENGTH) {
                return new Rejected(number, SchoolRejectionReason.NAME_TOO_LONG, uai.get().value() + " " + name);
            }
            String kind = text(cell(cells, KIND));
            if (kind.length() > School.KIND_LENGTH) {
                return new Rejected(number, SchoolRejectionReason.KIND_TOO_LONG, uai.get().value() + " " + kind);
            }
            String city = text(cell(cells, CITY));
            if (city.isEmpty()) {
                return new Rejected(number, SchoolRejectionReason.CITY_MISSING, uai.get().value());
            }
            if (city.length() > School.CITY_LENGTH) {
                return new Rejected(number, SchoolRejectionReason.CITY_TOO_LONG, uai.get().value() + " " + city);
            }
            return new Accepted(number, new SchoolDescription(uai.get(), name,
                    kind.isEmpty() ? Optional.empty() : Optional.of(kind), city));
        }

        private String cell(List<String> cells, String column) {
            return cells.get(columns.get(column));
        }
    }

    /** The place of each column Sésame reads, when the line names them all. */
    private static Optional<Map<String, Integer>> header(List<String> cells) {
        Map<String, Integer> places = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            for (String column : USED) {
                if (cells.get(i).equalsIgnoreCase(column)) {
                    places.putIfAbsent(column, i);
                }
            }
        }
        return places.size() == USED.size() ? Optional.of(places) : Optional.empty();
    }

    /** An académie code compared without its leading zeros: a spreadsheet drops them from {@code 01}. */
    private static String code(String typed) {
        String code = CsvCells.trim(typed).toUpperCase(Locale.ROOT);
        if (DIGITS.matcher(code).matches()) {
            String stripped = code.replaceFirst("^0+", "");
            return stripped.isEmpty() ? "0" : stripped;
        }
        return code;
    }

    /** The text as Sésame keeps it: composed accents and single spaces, no control character. */
    private static String text(String cell) {
        String composed = Normalizer.normalize(cell, Normalizer.Form.NFC);
        return BLANKS.matcher(composed).replaceAll(" ").strip();
    }
}
