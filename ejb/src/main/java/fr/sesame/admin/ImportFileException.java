package fr.sesame.admin;

import jakarta.ejb.ApplicationException;

/** The uploaded file cannot be imported at all (lines of a good file are rejected one by one instead). */
@ApplicationException(rollback = true)
public class ImportFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Problem {
        EMPTY,
        TOO_BIG,
        NOT_TEXT,
        /** A file given as the national directory of schools whose first line is not its header. */
        NOT_SCHOOL_DIRECTORY
    }

    private final Problem problem;

    public ImportFileException(Problem problem) {
        super(problem.name());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
