package fr.sesame.support;

import fr.sesame.activation.RecoveryAddresses;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.directory.Numen;
import fr.sesame.school.School;
import fr.sesame.school.SchoolCatalog;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * "/assistance": the request form for an agent who cannot log in, which is when help is needed most.
 * The ticket is marked "identity not verified" until the hotline checks who wrote it. A NUMEN typed
 * here is only used to find the identifiant: it is never stored.
 */
@Named
@ViewScoped
public class AssistancePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TicketService tickets;

    @Inject
    SchoolCatalog schools;

    @Inject
    Directory directory;

    @Inject
    Messages messages;

    @Inject
    ArticleSuggestions suggester;

    @Inject
    fr.sesame.security.ChallengeField challenge;

    @Inject
    fr.sesame.web.Site site;

    private final TicketDraft draft = new TicketDraft();
    private String name;
    private String identity;
    private String uai;
    private String contactAddress;
    private String reference;

    public void send() {
        Optional<String> contact = RecoveryAddresses.wellFormed(contactAddress);
        if (contact.isEmpty()) {
            messages.fieldError("assistance:contact", "ticket.contact.invalid");
            return;
        }
        if (!challenge.solved()) {
            // Nothing typed is lost: the form comes back as it was, with a new challenge.
            challenge.refuse();
            messages.error("challenge.required");
            return;
        }
        try {
            Ticket ticket = tickets.openPublic(draft.toRequest(null, name.strip(), claimedIdentifiant(), contact.get(), false,
                    uai), draft.getUploads(), Requests.clientAddress());
            reference = ticket.reference();
        } catch (AttachmentRefusedException e) {
            draft.refused(e, messages, "assistance:pieces");
        } catch (fr.sesame.security.TooManyAttemptsException e) {
            if (e.bySubject()) {
                messages.fieldError("assistance:contact", "ticket.public.tooManyForContact", site.getHotlinePhone());
            } else {
                messages.error("ticket.public.tooManyFromClient", e.minutesToWait(), site.getHotlinePhone());
            }
        }
    }

    /** The identifiant the requester gave, or the one their NUMEN belongs to; never the NUMEN itself. */
    private String claimedIdentifiant() {
        if (identity == null || identity.isBlank()) {
            return null;
        }
        String typed = identity.strip();
        Optional<Numen> numen = Numen.parse(typed);
        if (numen.isEmpty()) {
            return typed.substring(0, Math.min(typed.length(), 64));
        }
        try {
            return directory.findByNumen(numen.get()).map(Agent::identifiant).map(id -> messages.text("assistance.numen.found", id))
                    .orElse(messages.text("assistance.numen.unknown"));
        } catch (DirectoryUnavailableException e) {
            return messages.text("assistance.numen.unchecked");
        }
    }


    public List<School> getSchools() {
        return schools.all();
    }

    public ArticleSuggestions getSuggester() {
        return suggester;
    }

    public TicketDraft getDraft() {
        return draft;
    }

    public String getReference() {
        return reference;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdentity() {
        return identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
    }

    public String getUai() {
        return uai;
    }

    public void setUai(String uai) {
        this.uai = uai;
    }

    public String getContactAddress() {
        return contactAddress;
    }

    public void setContactAddress(String contactAddress) {
        this.contactAddress = contactAddress;
    }
}
