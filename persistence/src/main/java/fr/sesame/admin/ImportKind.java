package fr.sesame.admin;

/** Which file an import reads. Stored by name. */
public enum ImportKind {
    /** The HR assignments file: agents to invite, their dates. */
    ASSIGNMENTS,
    /** The national directory of schools (Annuaire de l'éducation): the académie's établissements. */
    SCHOOLS
}
