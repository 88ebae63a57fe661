package fr.sesame.account;

import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.support.CurrentViewer;
import fr.sesame.support.Ticket;
import fr.sesame.support.TicketService;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import fr.sesame.web.Site;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * "/hotline/agent?id=…": one agent whole for the support on the phone, and what the hotline, the RSSI
 * and the administrators may do about the account, each action confirmed by a box ticked in its own
 * form (sent by POST with the view's state). A référent reads their own school's agents only; anyone
 * else is answered 403 by the service.
 */
@RequiresRole({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
@Named
@ViewScoped
public class AgentPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int TICKETS_SHOWN = 10;

    @Inject
    AgentLookup lookup;

    @Inject
    TicketService tickets;

    @Inject
    CurrentViewer viewer;

    @Inject
    Messages messages;

    @Inject
    Site site;

    private String id;
    private boolean missing;
    private boolean unavailable;
    /** Read again on each request: the page always shows the account as it is now. */
    private transient AgentFile file;
    private transient List<Ticket> requests;

    private boolean invitationConfirmed;
    private boolean liftConfirmed;
    private boolean resetLinkConfirmed;
    private boolean lockConfirmed;
    private boolean unlockConfirmed;
    private boolean identityChecked;

    /** View action. */
    public void load() {
        file = null;
        requests = null;
        missing = false;
        unavailable = false;
        if (id == null || id.isBlank() || id.length() > 254) {
            missing = true;
            return;
        }
        try {
            file = lookup.fileOf(id);
            id = file.identifiant();
            requests = tickets.requestedBy(file.identifiant(), viewer.get(), TICKETS_SHOWN);
        } catch (AccountNotFoundException e) {
            missing = true;
        } catch (DirectoryUnavailableException e) {
            unavailable = true;
            messages.error("error.directoryUnavailable");
        }
    }

    public AgentFile getFile() {
        if (file == null && !missing && !unavailable) {
            load();
        }
        return file;
    }

    public List<Ticket> getRequests() {
        getFile();
        return requests == null ? List.of() : requests;
    }

    private interface Action {
        StaffActionOutcome run(String identifiant, boolean confirmed, String clientAddress) throws AccountNotFoundException;
    }

    /**
     * Runs an action, says what became of it (beside its box when it was not ticked) and reads the
     * account again.
     */
    private void act(Action action, boolean confirmed, String form, String doneKey) {
        try {
            StaffActionOutcome outcome = action.run(id, confirmed, Requests.clientAddress());
            switch (outcome) {
                case DONE -> messages.info(doneKey, id);
                case NOT_CONFIRMED -> messages.fieldError(form + ":confirmer", "agent.action.confirmFirst");
                default -> messages.error("agent.outcome." + outcome.name());
            }
            if (outcome == StaffActionOutcome.DONE) {
                clearConfirmations();
            }
        } catch (AccountNotFoundException e) {
            missing = true;
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
        load();
    }

    private void clearConfirmations() {
        invitationConfirmed = false;
        liftConfirmed = false;
        resetLinkConfirmed = false;
        lockConfirmed = false;
        unlockConfirmed = false;
        identityChecked = false;
    }

    public void resendInvitation() {
        act(lookup::resendInvitation, invitationConfirmed, "invitation", "agent.invitation.resent");
    }

    public void liftLockOuts() {
        act(lookup::liftLockOuts, liftConfirmed, "levee", "agent.locks.lifted");
    }

    public void sendResetLink() {
        act(lookup::sendResetLink, resetLinkConfirmed, "lien", "agent.password.linkSent");
    }

    public void lock() {
        act(lookup::lock, lockConfirmed, "verrouillage", "agent.lock.done");
    }

    public void unlock() {
        act(lookup::unlock, unlockConfirmed, "deverrouillage", "agent.unlock.done");
    }

    public void resetSecondFactor() {
        act(lookup::resetSecondFactor, identityChecked, "double-authentification", "agent.secondFactor.done");
    }

    /** A date and time in the académie's zone, to the minute. */
    public String format(Instant instant) {
        return instant == null ? "" : site.format(instant);
    }

    public String formatDay(java.time.LocalDate day) {
        return site.format(day);
    }


    public boolean isMissing() {
        return missing;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isInvitationConfirmed() {
        return invitationConfirmed;
    }

    public void setInvitationConfirmed(boolean invitationConfirmed) {
        this.invitationConfirmed = invitationConfirmed;
    }

    public boolean isLiftConfirmed() {
        return liftConfirmed;
    }

    public void setLiftConfirmed(boolean liftConfirmed) {
        this.liftConfirmed = liftConfirmed;
    }

    public boolean isResetLinkConfirmed() {
        return resetLinkConfirmed;
    }

    public void setResetLinkConfirmed(boolean resetLinkConfirmed) {
        this.resetLinkConfirmed = resetLinkConfirmed;
    }

    public boolean isLockConfirmed() {
        return lockConfirmed;
    }

    public void setLockConfirmed(boolean lockConfirmed) {
        this.lockConfirmed = lockConfirmed;
    }

    public boolean isUnlockConfirmed() {
        return unlockConfirmed;
    }

    public void setUnlockConfirmed(boolean unlockConfirmed) {
        this.unlockConfirmed = unlockConfirmed;
    }

    public boolean isIdentityChecked() {
        return identityChecked;
    }

    public void setIdentityChecked(boolean identityChecked) {
        this.identityChecked = identityChecked;
    }
}
