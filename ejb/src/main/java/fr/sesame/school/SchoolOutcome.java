package fr.sesame.school;

/** What recording one établissement of the national directory did to the catalog. */
public enum SchoolOutcome {
    /** A UAI Sésame did not know: the établissement is added. */
    CREATED,
    /** A known UAI whose name, kind or city changed. */
    UPDATED,
    /** A known UAI, as it was. */
    UNCHANGED
}
