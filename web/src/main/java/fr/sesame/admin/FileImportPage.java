package fr.sesame.admin;

import fr.sesame.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * What the import pages share: the upload of a file (a plain form, without JavaScript too), the run it
 * started, followed from the database at each poll, and the latest runs of the same kind. Each page says
 * which file it imports and where it lives.
 */
public abstract class FileImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ImportService imports;

    @Inject
    Messages messages;

    private transient Part file;
    private Long runId;

    /** The kind of file this page imports. */
    protected abstract ImportKind kind();

    /** The page's own address, where the run it started is followed. */
    protected abstract String path();

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
            long id = imports.start(kind(), file.getSubmittedFileName(), content, external.getRemoteUser());
            external.redirect(external.getRequestContextPath() + path() + "?import=" + id);
        } catch (ImportFileException e) {
            messages.fieldError("envoi:fichier", "import.file." + e.problem().name());
        }
    }

    /** The run followed on this page, fresh from the database at each poll; none when of another kind. */
    public ImportRun getRun() {
        return runId == null ? null : imports.run(runId).filter(run -> run.kind() == kind()).orElse(null);
    }

    public int getPercent() {
        ImportRun run = getRun();
        if (run == null || run.totalLines() == 0) {
            return 0;
        }
        return run.isFinished() ? 100 : Math.min(99, run.processedLines() * 100 / run.totalLines());
    }

    public List<ImportRun> getLatestRuns() {
        return imports.latestRuns(kind(), 10);
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
