package fr.sesame.admin;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "/admin/etablissements": upload the national directory of schools (the CSV export of the Annuaire de
 * l'éducation), follow its import, download the report; the same machinery as the HR file's.
 */
@RequiresRole({Roles.ADMIN})
@Named
@ViewScoped
public class SchoolImportPage extends FileImportPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected ImportKind kind() {
        return ImportKind.SCHOOLS;
    }

    @Override
    protected String path() {
        return "/admin/etablissements";
    }

    /** The académie whose lines are kept, as the page tells the administrator. */
    public String getAcademieCode() {
        return imports.academieCode();
    }
}
