package fr.sesame.support;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
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
 * One ticket: "/compte/demande?ref=…" for the requester (public thread only) and
 * "/support/demande?ref=…" for the référent, the hotline or the experts (notes and actions too). The
 * service decides what this person may see; a reference they may not see is "not found".
 */
@RequiresRole({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@Named
@ViewScoped
public class TicketView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TicketService tickets;

    @Inject
    SecurityReports reports;

    @Inject
    CurrentViewer viewer;

    @Inject
    Messages messages;

    @Inject
    Site site;

    @Inject
    SupportSettings settings;

    @Inject
    java.time.Clock clock;

    private String reference;
    private transient Ticket ticket;
    private transient List<AttachmentInfo> attachments;
    private Boolean accountLocked;
    private boolean missing;
    private String message;
    private boolean internal;
    private String note;

    /** View action. */
    public void load() {
        try {
            ticket = tickets.find(reference, viewer.get());
            missing = false;
        } catch (TicketNotFoundException e) {
            ticket = null;
            missing = true;
        }
    }

    private interface Action {
        void run() throws TicketNotFoundException, TicketActionRefusedException;
    }

    private void act(Action action, String doneKey) {
        try {
            action.run();
            messages.info(doneKey, reference);
        } catch (TicketNotFoundException e) {
            missing = true;
        } catch (TicketActionRefusedException e) {
            messages.error("ticket.refused");
        }
        load();
    }

    public void write() {
        act(() -> tickets.write(reference, viewer.get(), message, !internal), internal ? "ticket.noted" : "ticket.replied");
        message = null;
        internal = false;
    }

    public void take() {
        act(() -> tickets.take(reference, viewer.get()), "ticket.taken");
    }

    public void waitForRequester() {
        act(() -> tickets.waitForRequester(reference, viewer.get()), "ticket.waiting");
    }

    public void resolve() {
        act(() -> tickets.resolve(reference, viewer.get()), "ticket.resolved");
    }

    public void escalate() {
        act(() -> tickets.escalate(reference, viewer.get(), note), "ticket.escalated");
        note = null;
    }

    public void rate(int answer) {
        act(() -> tickets.rate(reference, viewer.get(), answer), "ticket.rated");
    }

    public void verifyIdentity() {
        act(() -> tickets.verifyIdentity(reference, viewer.get()), "ticket.identityVerified");
    }

    public boolean isRateable() {
        Ticket shown = getTicket();
        return shown != null && shown.isAwaitingSatisfaction() && viewer.get().isRequesterOf(shown);
    }

    public java.util.List<Integer> getAnswers() {
        return java.util.List.of(1, 2, 3, 4);
    }

    public void forceReset() {
        act(() -> reports.forceReset(reference, viewer.get(), Requests.clientAddress()), "ticket.resetForced");
    }

    public void lockAccount() {
        act(() -> reports.lockAccount(reference, viewer.get(), Requests.clientAddress()), "ticket.accountLocked");
        accountLocked = null;
    }

    public void unlockAccount() {
        act(() -> reports.unlockAccount(reference, viewer.get(), Requests.clientAddress()), "ticket.accountUnlocked");
        accountLocked = null;
    }

    /** Whether the account behind the security report is locked now (asked once per view). */
    public boolean isAccountLocked() {
        if (accountLocked == null) {
            accountLocked = isRssiActions() && reports.isAccountLocked(reference, viewer.get());
        }
        return accountLocked;
    }


    public boolean isRssiActions() {
        Ticket shown = getTicket();
        return shown != null && shown.isSecurityReport() && shown.requester() != null && viewer.get().isRssi();
    }

    public void reopen() {
        act(() -> tickets.reopen(reference, viewer.get(), message), "ticket.reopened");
        message = null;
    }

    public Ticket getTicket() {
        if (ticket == null && !missing && reference != null) {
            load();
        }
        return ticket;
    }

    /** The files joined to the ticket, names and sizes only. */
    public List<AttachmentInfo> getAttachments() {
        Ticket shown = getTicket();
        if (shown == null) {
            return List.of();
        }
        if (attachments == null) {
            attachments = tickets.attachments(shown);
        }
        return attachments;
    }

    /** "240 Ko", "1,3 Mo". */
    public String size(AttachmentInfo file) {
        return file.size() < 1024 * 1024 ? messages.text("ticket.attachments.size.kib", Math.max(1, Math.round(file.size() / 1024.0)))
                : messages.text("ticket.attachments.size.mib", file.size() / (1024.0 * 1024.0));
    }

    /** The thread this person may read: the requester never sees internal notes. */
    public List<TicketEvent> getThread() {
        Ticket shown = getTicket();
        if (shown == null) {
            return List.of();
        }
        return viewer.get().supports(shown) ? shown.events() : shown.publicEvents();
    }

    public boolean isSupport() {
        Ticket shown = getTicket();
        return shown != null && viewer.get().supports(shown);
    }

    /** Whether this person may pass the ticket up: a référent to the hotline, the hotline to the experts. */
    public boolean isEscalatable() {
        Ticket shown = getTicket();
        return shown != null && shown.level() < Ticket.EXPERTS && (shown.level() == Ticket.SCHOOL || viewer.get().isHotline());
    }

    public boolean isHotline() {
        return viewer.get().isHotline();
    }

    public boolean isReopenable() {
        Ticket shown = getTicket();
        return shown != null && shown.isReopenable(clock.instant(), settings.reopenWindow());
    }

    public String format(Instant instant) {
        return site.format(instant);
    }

    public boolean isMissing() {
        return missing || reference == null;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference == null ? null : reference.substring(0, Math.min(reference.length(), 20));
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public boolean isInternal() {
        return internal;
    }

    public void setInternal(boolean internal) {
        this.internal = internal;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
