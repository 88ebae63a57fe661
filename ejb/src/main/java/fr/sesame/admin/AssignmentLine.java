package fr.sesame.admin;

import java.util.Objects;

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

        public static final int DETAIL_MAX_LENGTH = ReportDetail.MAX_LENGTH;

        public Rejected {
            if (lineNumber < 1) {
                throw new IllegalArgumentException("Lines are numbered from 1");
            }
            Objects.requireNonNull(reason, "reason");
            detail = ReportDetail.shown(detail);
        }
    }
}
