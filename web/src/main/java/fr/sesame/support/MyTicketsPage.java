package fr.sesame.support;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.directory.Agent;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.school.Uai;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** "/compte/demandes": the agent's requests, newest first, and a new one. */
@RequiresRole({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@Named
@ViewScoped
public class MyTicketsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 50;

    @Inject
    TicketService tickets;

    @Inject
    CurrentViewer viewer;

    @Inject
    Messages messages;

    @Inject
    ArticleSuggestions suggester;

    private TicketDraft draft = new TicketDraft();
    private transient List<Ticket> mine;
    private String created;

    public List<Ticket> getMine() {
        if (mine == null) {
            mine = tickets.list(TicketQuery.all(), viewer.get(), TicketService.Scope.MINE, 0, SHOWN).rows();
        }
        return mine;
    }

    public void send() {
        try {
            Agent agent = viewer.agent().orElseThrow(() -> new DirectoryUnavailableException("no agent", null));
            String contact = agent.academicAddress();
            Ticket ticket = tickets.open(draft.toRequest(agent.identifiant(), agent.displayName(), null, contact, true,
                    agent.uai().map(Uai::value).orElse(null)), draft.getUploads(),
                    Requests.clientAddress());
            created = ticket.reference();
            draft = new TicketDraft();
            mine = null;
            messages.info("ticket.created", created);
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        } catch (AttachmentRefusedException e) {
            draft.refused(e, messages, "demande:pieces");
        }
    }

    public ArticleSuggestions getSuggester() {
        return suggester;
    }

    public TicketDraft getDraft() {
        return draft;
    }

    public String getCreated() {
        return created;
    }
}
