package fr.sesame.admin;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one line of the HR assignments file gave: an assignment to import, or the reason it was
 * refused. Line numbers are those of the file as the HR officer sees it in an editor, from 1.
 */
public sealed interface AssignmentLine permits AssignmentLine.Accepted, AssignmentLine.Rejected {

    int lineNumber();

    record Accepted(int lineNumber, Assignment assignment) implements AssignmentLine {

        public Accepted {
            if (lineNumber < 1) {
                throw new IllegalArgumentException("Lines are numbered from 1");
            }
            Objects.requireNonNull(assignment, "assignment");
        }
    }

    /**
     * @param detail the value at fault, as the file has it, at most {@value #DETAIL_MAX_LENGTH}
     *               characters; empty when there is nothing useful to show. It never holds a NUMEN in
     *               clear: anything shaped like one is masked here, whatever column it came from.
     */
    record Rejected(int lineNumber, RejectionReason reason, String detail) implements AssignmentLine {

        public static final int DETAIL_MAX_LENGTH = 80;

        /** Looked at before cutting, so that a NUMEN across the cut is masked too. */
        private static final int LOOKED_AT = 200;

        /** A NUMEN, even written in groups (20 E 15 01234 CMA) or in lower case. */
        private static final Pattern NUMEN_LIKE = Pattern.compile(
                "(?i)\\d[\\s.\\-]*\\d[\\s.\\-]*[a-z](?:[\\s.\\-]*\\d){7}(?:[\\s.\\-]*[a-z]){3}");
        private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");

        public Rejected {
            if (lineNumber < 1) {
                throw new IllegalArgumentException("Lines are numbered from 1");
            }
            Objects.requireNonNull(reason, "reason");
            detail = shown(detail);
        }

        private static String shown(String detail) {
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
            // The detail ends up in a web page and a downloadable report: no control character.
            String clean = masked.toString().replaceAll("\\p{Cntrl}", "?");
            return clean.length() > DETAIL_MAX_LENGTH ? clean.substring(0, DETAIL_MAX_LENGTH) : clean;
        }

        private static String masked(String numenLike) {
            String compact = SEPARATORS.matcher(numenLike).replaceAll("");
            return compact.substring(0, 3) + "*".repeat(compact.length() - 5) + compact.substring(compact.length() - 2);
        }
    }
}
