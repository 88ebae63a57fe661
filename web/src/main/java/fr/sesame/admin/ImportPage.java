package fr.sesame.admin;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/** "/admin/import": upload the HR assignments file, follow its import, download the report. */
@RequiresRole({Roles.ADMIN})
@Named
@ViewScoped
public class ImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ImportService imports;

    @Inject
    Messages messages;

    private transient Part file;
    private Long runId;

    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            messages.fieldError("envoi:fichier", "import.file.empty");
            return;
        }
        if (file.getSize() > ImportService.MAX_FILE_BYTES) {
            messages.fieldError("envoi:fichier", "import.file.tooBig");
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            long id = imports.start(file.getSubmittedFileName(), content, external.getRemoteUser());
            external.redirect(external.getRequestContextPath() + "/admin/import?import=" + id);
        } catch (ImportFileException e) {
            messages.fieldError("envoi:fichier", "import.file." + e.problem().name());
        }
    }

    /** The run followed on this page, fresh from the database at each poll. */
    public ImportRun getRun() {
        return runId == null ? null : imports.run(runId).orElse(null);
    }

    public int getPercent() {
        ImportRun run = getRun();
        if (run == null || run.totalLines() == 0) {
            return 0;
        }
        return run.isFinished() ? 100 : Math.min(99, run.processedLines() * 100 / run.totalLines());
    }

    public List<ImportRun> getLatestRuns() {
        return imports.latestRuns(10);
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public Long getRunId() {
        return runId;
    }

    public void setRunId(Long runId) {
        this.runId = runId;
    }
}
