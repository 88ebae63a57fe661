package fr.sesame.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value shown beside a refused line in an import's report (a web page and a downloadable file): at
 * most {@value #MAX_LENGTH} characters, no control character, and never a NUMEN in clear, whatever
 * column or file it came from.
 */
final class ReportDetail {

    static final int MAX_LENGTH = 80;

    /** Looked at before cutting, so that a NUMEN across the cut is masked too. */
    private static final int LOOKED_AT = 200;

    /** A NUMEN, even written in groups (20 E 15 01234 CMA) or in lower case. */
    private static final Pattern NUMEN_LIKE = Pattern.compile(
            "(?i)\\d[\\s.\\-]*\\d[\\s.\\-]*[a-z](?:[\\s.\\-]*\\d){7}(?:[\\s.\\-]*[a-z]){3}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");

    private ReportDetail() {
    }

    /** @return the detail as the report may show it; empty for null */
    static String shown(String detail) {
        if (detail == null) {
            return "";
        }
        String head = detail.length() > LOOKED_AT ? detail.substring(0, LOOKED_AT) : detail;
        Matcher numen = NUMEN_LIKE.matcher(head);
        StringBuilder masked = new StringBuilder(head.length());
        while (numen.find()) {
            numen.appendReplacement(masked, Matcher.quoteReplacement(masked(numen.group())));
        }
        numen.appendTail(masked);
        String clean = masked.toString().replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) : clean;
    }

    private static String masked(String numenLike) {
        String compact = SEPARATORS.matcher(numenLike).replaceAll("");
        return compact.substring(0, 3) + "*".repeat(compact.length() - 5) + compact.substring(compact.length() - 2);
    }
}
