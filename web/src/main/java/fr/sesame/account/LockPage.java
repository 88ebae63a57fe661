package fr.sesame.account;

import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import fr.sesame.web.Site;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** "/hotline/verrous": is this agent locked out by too many failures? Lift it. */
@Named
@ViewScoped
public class LockPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    LockOuts lockOuts;

    @Inject
    Messages messages;

    @Inject
    Site site;

    private String query;
    private LockStatus status;
    private boolean searched;

    /** View action and search button. */
    public void search() {
        status = null;
        searched = query != null && !query.isBlank();
        if (!searched) {
            return;
        }
        try {
            status = lockOuts.statusOf(query.strip()).orElse(null);
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public void lift() {
        if (status == null) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            lockOuts.lift(status.identifiant(), external.getRemoteUser(),
                    Requests.clientAddress());
            messages.info("locks.lifted", status.identifiant());
            query = status.identifiant();
            search();
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public String time(Instant instant) {
        return TIME.format(instant.atZone(site.getZone()));
    }

    public LockStatus getStatus() {
        return status;
    }

    public boolean isSearched() {
        return searched;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? null : query.substring(0, Math.min(query.length(), 254));
    }
}
