package fr.sesame.admin;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** "/admin/import": upload the HR assignments file, follow its import, download the report. */
@RequiresRole({Roles.ADMIN})
@Named
@ViewScoped
public class ImportPage extends FileImportPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected ImportKind kind() {
        return ImportKind.ASSIGNMENTS;
    }

    @Override
    protected String path() {
        return "/admin/import";
    }
}
