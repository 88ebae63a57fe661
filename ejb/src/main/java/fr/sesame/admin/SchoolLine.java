package fr.sesame.admin;

import fr.sesame.school.SchoolDescription;

import java.util.Objects;

/**
 * What one line of the national directory of schools gave: an établissement of the académie to record,
 * a line of another académie left out, or the reason it was refused. Line numbers are those of the file,
 * from 1, the header being line 1.
 */
public sealed interface SchoolLine permits SchoolLine.Accepted, SchoolLine.OutsideAcademie, SchoolLine.Rejected {

    int lineNumber();

    record Accepted(int lineNumber, SchoolDescription school) implements SchoolLine {

        public Accepted {
            numbered(lineNumber);
            Objects.requireNonNull(school, "school");
        }
    }

    /** An établissement of another académie: neither imported nor reported, only counted. */
    record OutsideAcademie(int lineNumber) implements SchoolLine {

        public OutsideAcademie {
            numbered(lineNumber);
        }
    }

    /** @param detail the value at fault (often the UAI, to find the line), cleaned for the report */
    record Rejected(int lineNumber, SchoolRejectionReason reason, String detail) implements SchoolLine {

        public Rejected {
            numbered(lineNumber);
            Objects.requireNonNull(reason, "reason");
            detail = ReportDetail.shown(detail);
        }
    }

    private static void numbered(int lineNumber) {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("Lines are numbered from 1");
        }
    }
}
