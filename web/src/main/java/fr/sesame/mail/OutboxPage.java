package fr.sesame.mail;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.web.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * "/hotline/courriels": what became of the e-mails and SMS sent to an agent (queued, sent, failed and
 * why), searched by identifiant or recipient. Never their content.
 */
@RequiresRole({Roles.HOTLINE, Roles.ADMIN})
@Named
@RequestScoped
public class OutboxPage {

    private static final int MAX_ROWS = 100;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Inject
    Outbox outbox;

    @Inject
    Site site;

    private String query;
    private List<OutboundMessage> messages;
    private Outbox.Waiting waiting;

    public void load() {
        messages = query == null || query.isBlank() ? outbox.latest(MAX_ROWS) : outbox.search(query, MAX_ROWS);
        waiting = outbox.waiting();
    }

    /** What waits for the mail server: after a long outage, the hotline sees it at once. */
    public Outbox.Waiting getWaiting() {
        return waiting;
    }

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(site.getZone()));
    }

    public List<OutboundMessage> getMessages() {
        return messages;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? null : query.substring(0, Math.min(query.length(), 254));
    }
}
