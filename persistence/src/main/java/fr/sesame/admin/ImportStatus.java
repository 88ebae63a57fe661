package fr.sesame.admin;

/** Where an import of the HR assignments file stands. Stored by name. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
}
