package fr.sesame.account;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
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
@RequiresRole({Roles.HOTLINE, Roles.ADMIN})
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
    private String clientQuery;
    private java.util.Map<fr.sesame.security.AttemptLimiter.Guarded, Instant> clientLocks = java.util.Map.of();
    private boolean clientSearched;
    private boolean identityChecked;

    @Inject
    fr.sesame.secondfactor.SecondFactorService secondFactors;

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

    /**
     * Resets the agent's second factor (a lost phone), once the hotline member ticked that they checked
     * who is calling.
     */
    public void resetSecondFactor() {
        if (status == null) {
            return;
        }
        if (!identityChecked) {
            messages.fieldError("double-authentification:identite-verifiee", "locks.secondFactor.checkFirst");
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            secondFactors.resetByHotline(status.identifiant(), external.getRemoteUser(), Requests.clientAddress());
            messages.info("locks.secondFactor.done", status.identifiant());
            identityChecked = false;
            query = status.identifiant();
            search();
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public boolean isIdentityChecked() {
        return identityChecked;
    }

    public void setIdentityChecked(boolean identityChecked) {
        this.identityChecked = identityChecked;
    }

    /** What a client address is refused (a school behind one address, say). */
    public void searchClient() {
        clientSearched = clientQuery != null && !clientQuery.isBlank();
        clientLocks = clientSearched ? lockOuts.clientStatusOf(clientQuery.strip()) : java.util.Map.of();
    }

    public void liftClient() {
        if (!clientSearched || clientLocks.isEmpty()) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        lockOuts.liftClient(clientQuery.strip(), external.getRemoteUser(), Requests.clientAddress());
        messages.info("locks.client.lifted", clientQuery.strip());
        searchClient();
    }

    public java.util.List<String> getClientLockKinds() {
        return clientLocks.keySet().stream().map(Enum::name).toList();
    }

    public String clientLockTime(String kind) {
        Instant until = clientLocks.get(fr.sesame.security.AttemptLimiter.Guarded.valueOf(kind));
        return until == null ? "" : time(until);
    }

    public java.util.Map<fr.sesame.security.AttemptLimiter.Guarded, Instant> getClientLocks() {
        return clientLocks;
    }

    public boolean isClientSearched() {
        return clientSearched;
    }

    public String getClientQuery() {
        return clientQuery;
    }

    public void setClientQuery(String clientQuery) {
        this.clientQuery = clientQuery == null ? null : clientQuery.substring(0, Math.min(clientQuery.length(), 64));
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
