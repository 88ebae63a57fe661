package fr.sesame.admin;

/**
 * Why a line of the national directory of schools (Annuaire de l'éducation) was not imported. Each reason
 * has a text, for the administrator who reads the report, under {@link #bundleKey()}. A line gets the
 * first reason found, in the order below. Lines of another académie are not refused: they are left out
 * and counted apart.
 */
public enum SchoolRejectionReason {
    /**
     * The file is not UTF-8. Reported once, at the first line that cannot be read, and nothing after it is
     * read: the upload refuses such a file whole.
     */
    FILE_NOT_UTF8,
    /**
     * The first line is not the directory's header naming the columns Sésame reads. Nothing else is read:
     * the upload refuses such a file whole.
     */
    NOT_SCHOOL_DIRECTORY,
    /** More than {@value SchoolFileReader#MAX_LINE_LENGTH} characters: not a line of this file. */
    LINE_TOO_LONG,
    /** A double quote opens a cell and is never closed on that line. */
    UNCLOSED_QUOTE,
    /** Not as many cells as the header has columns: a cell is missing or one was cut in two. */
    WRONG_COLUMN_COUNT,
    /** No académie code: the line cannot be told to be the académie's or another's. */
    ACADEMIE_MISSING,
    /** Missing or not of the UAI's shape. */
    UAI_INVALID,
    NAME_MISSING,
    /** Longer than the {@value fr.sesame.school.School#NAME_LENGTH} characters Sésame keeps. */
    NAME_TOO_LONG,
    /** Longer than the {@value fr.sesame.school.School#KIND_LENGTH} characters Sésame keeps (it may be empty). */
    KIND_TOO_LONG,
    CITY_MISSING,
    /** Longer than the {@value fr.sesame.school.School#CITY_LENGTH} characters Sésame keeps. */
    CITY_TOO_LONG,
    /**
     * A UAI already read on an earlier line of the file (the directory has a line per site for some
     * établissements): the first line is the one imported.
     */
    DUPLICATE_UAI_IN_FILE;

    private static final String BUNDLE_PREFIX = "import.school.reject.";

    /** The key of the reason's text in the resource bundles, {@code import.school.reject.UAI_INVALID}. */
    public String bundleKey() {
        return BUNDLE_PREFIX + name();
    }
}
