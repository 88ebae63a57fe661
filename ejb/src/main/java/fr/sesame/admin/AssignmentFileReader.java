package fr.sesame.admin;

import fr.sesame.activation.AgentNaming;
import fr.sesame.activation.MobileNumber;
import fr.sesame.admin.AssignmentLine.Accepted;
import fr.sesame.admin.AssignmentLine.Rejected;
import fr.sesame.directory.Numen;
import fr.sesame.school.Uai;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * Reads the HR assignments file: UTF-8 CSV, one agent a line, in the fixed column order NUMEN, nom,
 * prénom, UAI, adresse de secours, mobile, date de début, and an optional eighth, date de fin (the last
 * day of the assignment, empty when it has none). Separator {@code ;} or {@code ,} (from the
 * first line), an optional header line, quoted cells, blank lines and empty spreadsheet rows are all
 * accepted. Each line gives an {@link Accepted} assignment or a {@link Rejected} line with its
 * reason, so that one bad line never stops an import of thousands.
 *
 * <p>The file is streamed: only the current line and the NUMEN already accepted are in memory.
 */
public final class AssignmentFileReader {

    public static final int MAX_LINE_LENGTH = 2000;
    public static final int MAX_NAME_LENGTH = 64;
    /** RFC 5321's limit for a whole address. */
    public static final int MAX_ADDRESS_LENGTH = 254;

    /** The columns every line has; the end date may be left out, cell and all. */
    private static final int COLUMNS = 7;
    private static final int COLUMNS_WITH_END = 8;
    private static final int NUMEN = 0;
    private static final int SURNAME = 1;
    private static final int GIVEN_NAME = 2;
    private static final int UAI = 3;
    private static final int RECOVERY_ADDRESS = 4;
    private static final int MOBILE = 5;
    private static final int START_DATE = 6;
    private static final int END_DATE = 7;

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** Latin letters (accented or not, possibly decomposed), spaces, hyphens and both apostrophes. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsLatin}\\p{M} '’-]+");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern DOMAIN =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private final String academieDomain;

    /**
     * @param academieMailDomain the domain of the académie's own addresses ({@code ac-amiens.fr}), which
     *                           cannot be recovery addresses
     */
    public AssignmentFileReader(String academieMailDomain) {
        if (academieMailDomain == null || academieMailDomain.isBlank()) {
            throw new IllegalArgumentException("The académie's mail domain is needed to refuse its addresses");
        }
        String domain = academieMailDomain.strip().toLowerCase(Locale.ROOT);
        this.academieDomain = domain.startsWith("@") ? domain.substring(1) : domain;
    }

    /**
     * The lines of the file, in order, blank lines and the header left out. The stream reads the file
     * as it is consumed; it does not close {@code in}. After a {@link RejectionReason#FILE_NOT_UTF8}
     * line nothing more is read: the importer should refuse the whole file, which is why it counts the
     * lines in a first pass before importing any.
     *
     * @throws UncheckedIOException from the stream's operations when the file cannot be read
     */
    public Stream<AssignmentLine> lines(InputStream in) {
        Objects.requireNonNull(in, "in");
        Iterator<AssignmentLine> lines = new Lines(new CsvRecords(in, MAX_LINE_LENGTH));
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private final class Lines implements Iterator<AssignmentLine> {

        private final CsvRecords file;
        /** NUMEN values of accepted lines only: a NUMEN whose first line was refused may come again. */
        private final Set<String> accepted = new HashSet<>();
        private boolean pastFirstLine;
        private AssignmentLine next;

        Lines(CsvRecords file) {
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public AssignmentLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AssignmentLine line = next;
            next = null;
            return line;
        }

        private AssignmentLine advance() {
            while (file.hasNext()) {
                CsvRecords.Record record = file.next();
                boolean firstLine = !pastFirstLine;
                pastFirstLine = true;
                if (record instanceof CsvRecords.Unreadable unreadable) {
                    return new Rejected(unreadable.number(), switch (unreadable.problem()) {
                        case NOT_UTF8 -> RejectionReason.FILE_NOT_UTF8;
                        case TOO_LONG -> RejectionReason.LINE_TOO_LONG;
                        case UNCLOSED_QUOTE -> RejectionReason.UNCLOSED_QUOTE;
                    }, "");
                }
                CsvRecords.Cells cells = (CsvRecords.Cells) record;
                if (firstLine && isHeader(cells.cells().get(NUMEN))) {
                    continue;
                }
                AssignmentLine read = read(cells.number(), cells.cells());
                if (read instanceof Accepted acceptedLine) {
                    if (!accepted.add(acceptedLine.assignment().numen().value())) {
                        return new Rejected(cells.number(), RejectionReason.DUPLICATE_NUMEN_IN_FILE,
                                acceptedLine.assignment().numen().masked());
                    }
                }
                return read;
            }
            return null;
        }
    }

    /**
     * A header's first cell names the column; a data line's holds a NUMEN, or a mistyped one, which
     * still has digits and must be reported rather than skipped.
     */
    private static boolean isHeader(String firstCell) {
        return firstCell.codePoints().anyMatch(Character::isLetter)
                && firstCell.codePoints().noneMatch(Character::isDigit);
    }

    private AssignmentLine read(int number, List<String> cells) {
        if (cells.size() < COLUMNS
                || cells.size() > COLUMNS_WITH_END && cells.subList(COLUMNS_WITH_END, cells.size()).stream().anyMatch(c -> !c.isEmpty())) {
            // Trailing empty cells are tolerated: spreadsheets export stray empty columns.
            return new Rejected(number, RejectionReason.WRONG_COLUMN_COUNT, Integer.toString(cells.size()));
        }
        Optional<Numen> numen = Numen.parse(cells.get(NUMEN));
        if (numen.isEmpty()) {
            return new Rejected(number, RejectionReason.NUMEN_INVALID, maskedNumen(cells.get(NUMEN)));
        }
        String surname = name(cells.get(SURNAME));
        String givenName = name(cells.get(GIVEN_NAME));
        if (surname.isEmpty()) {
            return new Rejected(number, RejectionReason.SURNAME_MISSING, "");
        }
        if (givenName.isEmpty()) {
            return new Rejected(number, RejectionReason.GIVEN_NAME_MISSING, "");
        }
        for (String name : List.of(surname, givenName)) {
            if (name.length() > MAX_NAME_LENGTH) {
                return new Rejected(number, RejectionReason.NAME_TOO_LONG, name);
            }
        }
        for (String name : List.of(surname, givenName)) {
            if (!NAME.matcher(name).matches()) {
                return new Rejected(number, RejectionReason.NAME_INVALID, name);
            }
        }
        try {
            AgentNaming.identifiant(givenName, surname);
            AgentNaming.addressLocalPart(givenName, surname);
        } catch (IllegalArgumentException e) {
            return new Rejected(number, RejectionReason.NAME_INVALID, givenName + " " + surname);
        }
        Optional<Uai> uai = Uai.parse(cells.get(UAI));
        if (uai.isEmpty()) {
            return new Rejected(number, RejectionReason.UAI_INVALID, cells.get(UAI));
        }
        String address = cells.get(RECOVERY_ADDRESS);
        if (address.isEmpty()) {
            return new Rejected(number, RejectionReason.RECOVERY_ADDRESS_MISSING, "");
        }
        Optional<String> recoveryAddress = recoveryAddress(address);
        if (recoveryAddress.isEmpty()) {
            return new Rejected(number, RejectionReason.RECOVERY_ADDRESS_INVALID, address);
        }
        if (isAcademic(recoveryAddress.get())) {
            return new Rejected(number, RejectionReason.RECOVERY_ADDRESS_ACADEMIC, address);
        }
        String typedMobile = cells.get(MOBILE);
        Optional<MobileNumber> mobile = MobileNumber.parse(typedMobile);
        if (!typedMobile.isEmpty() && mobile.isEmpty()) {
            return new Rejected(number, RejectionReason.MOBILE_INVALID, typedMobile);
        }
        Optional<LocalDate> startDate = date(cells.get(START_DATE));
        if (startDate.isEmpty()) {
            return new Rejected(number, RejectionReason.START_DATE_INVALID, cells.get(START_DATE));
        }
        String typedEnd = cells.size() > END_DATE ? cells.get(END_DATE) : "";
        Optional<LocalDate> endDate = typedEnd.isEmpty() ? Optional.empty() : date(typedEnd);
        if (!typedEnd.isEmpty() && endDate.isEmpty()) {
            return new Rejected(number, RejectionReason.END_DATE_INVALID, typedEnd);
        }
        if (endDate.isPresent() && endDate.get().isBefore(startDate.get())) {
            return new Rejected(number, RejectionReason.END_BEFORE_START, typedEnd);
        }
        return new Accepted(number, new Assignment(
                numen.get(), surname, givenName, uai.get(), recoveryAddress.get(), mobile, startDate.get(), endDate));
    }

    /**
     * The name as it will be written in the directory: composed accents (a file from a Mac may hold
     * decomposed ones) and single spaces.
     */
    private static String name(String cell) {
        String composed = Normalizer.normalize(cell, Normalizer.Form.NFC);
        return BLANKS.matcher(composed).replaceAll(" ").strip();
    }

    /**
     * A single plain address, {@code local@domain.tld}, in ASCII: no display name, no group, no IP
     * literal, no quoted local part. The domain is lower-cased, the local part kept as typed.
     */
    private static Optional<String> recoveryAddress(String typed) {
        if (typed.length() > MAX_ADDRESS_LENGTH || !PRINTABLE_ASCII.matcher(typed).matches()
                || typed.indexOf('"') >= 0 || typed.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(typed, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !typed.equals(parsed.getAddress())) {
                return Optional.empty();
            }
        } catch (AddressException e) {
            return Optional.empty();
        }
        int at = typed.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String domain = typed.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(typed.substring(0, at) + "@" + domain);
    }

    private boolean isAcademic(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return domain.equals(academieDomain) || domain.endsWith("." + academieDomain);
    }

    private static Optional<LocalDate> date(String typed) {
        if (typed.length() > 10) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(typed, format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /**
     * What the HR officer may see of a NUMEN cell that is not a NUMEN: a mistyped NUMEN is still
     * confidential, so only its first three and last two characters are shown, as for a good one.
     */
    private static String maskedNumen(String typed) {
        String cut = typed.length() > Rejected.DETAIL_MAX_LENGTH
                ? typed.substring(0, Rejected.DETAIL_MAX_LENGTH) : typed;
        if (cut.length() <= 5) {
            return "*".repeat(cut.length());
        }
        return cut.substring(0, 3) + "*".repeat(cut.length() - 5) + cut.substring(cut.length() - 2);
    }
}
