package fr.sesame.support;

import jakarta.ejb.SessionContext;
import jakarta.annotation.Resource;
import fr.sesame.security.Callers;
import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.MailText;
import fr.sesame.mail.Outbox;
import fr.sesame.school.Uai;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The support chain. A new ticket goes to the référents of the agent's school (level 1), or straight
 * to the hotline (level 2) when the school has none; each may answer, ask, resolve or pass it up, the
 * hotline to the académie's experts (level 3), who work the tickets passed to them and no others. The
 * requester follows it and is told of every public reply by e-mail. Who may see and do what is
 * decided here, from the {@link Viewer}.
 */
@Stateless
@PermitAll
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
public class TicketService {

    /** Answers a page may show at most. */
    public static final int MAX_PAGE = 100;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    /** Told of each ticket stored, whichever way it came (the ops metrics count them after the commit). */
    @Inject
    Event<TicketOpened> opened;

    @Inject
    Directory directory;

    @Inject
    SupportSettings settings;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    AuditTrail audit;

    @Inject
    AttemptLimiter limiter;


    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "sesame.time-zone")
    String timeZone;

    /** Records a new request and tells the requester its reference and the support its arrival. */
    public Ticket open(Ticket.Request request, String clientAddress) {
        try {
            return open(request, List.of(), clientAddress);
        } catch (AttachmentRefusedException e) {
            throw new IllegalStateException("no file, nothing to refuse", e);
        }
    }

    /**
     * A request from the public form, by someone not logged in: at most a few an hour from one client
     * address and a few a day to one contact address, so that nobody makes Sésame mail an address over
     * and over.
     *
     * @throws TooManyAttemptsException {@link TooManyAttemptsException#bySubject()} when the contact
     *                                  address had its share today, otherwise the client address
     */
    public Ticket openPublic(Ticket.Request request, List<AttachmentPolicy.Upload> uploads, String clientAddress)
            throws AttachmentRefusedException, TooManyAttemptsException {
        limiter.attempt(Guarded.PUBLIC_REQUEST, request.contactAddress(), clientAddress);
        return open(request, uploads, clientAddress);
    }

    /**
     * Records a new request with the files joined to it; nothing is stored when one of them does not
     * pass the {@link AttachmentPolicy}. A request about security (an identity theft, an account
     * someone else uses) goes to the RSSI at once, never to the school's référents: its requester is
     * often the one who can no longer log in.
     */
    public Ticket open(Ticket.Request request, List<AttachmentPolicy.Upload> uploads, String clientAddress)
            throws AttachmentRefusedException {
        List<AttachmentPolicy.Accepted> files = settings.attachments().accept(uploads);
        Instant now = clock.instant();
        boolean security = request.category() == TicketCategory.SECURITY;
        int priority = security ? Ticket.TOP_PRIORITY : settings.priorityOf(request.urgency(), request.impact());
        List<Agent> referents = security ? List.of() : referentsOf(request.uai());
        int level = referents.isEmpty() ? Ticket.HOTLINE : Ticket.SCHOOL;
        Ticket ticket = security
                ? Ticket.securityReport(request, SecurityReportKind.IDENTITY_THEFT, now, now.plus(settings.takeWithin(priority)),
                        now.plus(settings.resolveWithin(priority)))
                : new Ticket(request, priority, level, now, now.plus(settings.takeWithin(priority)), now.plus(settings.resolveWithin(priority)));
        record(ticket, now);
        files.forEach(file -> em.persist(new TicketAttachment(ticket.id(), file.fileName(), file.kind().mediaType(),
                file.content(), now)));

        acknowledge(ticket);
        if (security) {
            outbox.email(settings.rssiEmail(), templates.email("security-report", ticket.reference(),
                    templates.text("security-kind." + SecurityReportKind.IDENTITY_THEFT.name()), ticket.requesterName(),
                    ticket.requester() == null ? templates.text("security-report.unverified") : ticket.requester(),
                    ticket.description(), 0, settings.url("/support/demande?ref=" + ticket.reference())), ticket.reference());
        } else {
            notifySupport(ticket, referents, "ticket-new");
        }
        audit.record(AuditEventType.TICKET_OPENED, request.requester() == null ? ticket.reference() : request.requester(),
                clientAddress, ticket.reference() + (request.identityVerified() ? "" : " (identity not verified)"));
        return ticket;
    }

    /**
     * Tells the requester the reference. What someone not logged in typed (a name, a subject) is never
     * written back to the contact address they gave, which nobody has proven to be theirs: that mail
     * says the reference and fixed words only.
     */
    public void acknowledge(Ticket ticket) {
        MailText text = ticket.requester() == null
                ? templates.email("ticket-created-public", ticket.reference(), settings.hotlinePhone())
                : templates.email("ticket-created", ticket.requesterName(), ticket.reference(), ticket.subject(), followLink(ticket));
        outbox.email(ticket.contactAddress(), text, ticket.reference());
    }

    /** Stores a new ticket and gives it its reference. */
    public void record(Ticket ticket, Instant now) {
        em.persist(ticket);
        ticket.number(now.atZone(ZoneId.of(timeZone)).getYear());
        em.flush();
        opened.fire(new TicketOpened(ticket.level()));
    }

    /** The ticket, if this person may see it; its thread is loaded. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public Ticket find(String reference, Viewer viewer) throws TicketNotFoundException {
        requireCaller(viewer);
        Ticket ticket = byReference(reference).filter(viewer::canSee)
                .orElseThrow(() -> new TicketNotFoundException(reference));
        ticket.events().size();
        return ticket;
    }

    /** What is joined to the ticket, without the files' bytes. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public List<AttachmentInfo> attachments(Ticket ticket) {
        return em.createQuery("select new fr.sesame.support.AttachmentInfo(a.id, a.fileName, a.mediaType, a.size)"
                        + " from TicketAttachment a where a.ticketId = :ticket order by a.id", AttachmentInfo.class)
                .setParameter("ticket", ticket.id()).getResultList();
    }

    /** One joined file, if this person may see its ticket. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public TicketAttachment attachment(String reference, long id, Viewer viewer) throws TicketNotFoundException {
        Ticket ticket = find(reference, viewer);
        TicketAttachment file = em.find(TicketAttachment.class, id);
        if (file == null || !file.ticketId().equals(ticket.id())) {
            throw new TicketNotFoundException(reference);
        }
        return file;
    }

    /**
     * A message in the thread. The requester writes public replies only; the support writes replies
     * (e-mailed to the requester) or internal notes (never shown to the requester).
     */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public void write(String reference, Viewer viewer, String body, boolean publicReply)
            throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = find(reference, viewer);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new TicketActionRefusedException("empty message");
        }
        boolean support = viewer.supports(ticket);
        if (!support && !publicReply) {
            throw new TicketActionRefusedException("only the support writes internal notes");
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new TicketActionRefusedException("closed");
        }
        ticket.write(viewer.identifiant(), viewer.displayName(), text, publicReply, clock.instant());
        if (support && publicReply) {
            outbox.email(ticket.contactAddress(), ticket.requester() == null
                    ? templates.email("ticket-reply-public", ticket.reference(), viewer.displayName(), text, settings.hotlinePhone())
                    : templates.email("ticket-reply", ticket.requesterName(), ticket.reference(), ticket.subject(),
                            viewer.displayName(), text, followLink(ticket)), ticket.reference());
        } else if (!support) {
            notifySupport(ticket, referentsOf(ticket.uai()), "ticket-answered");
        }
    }

    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public void take(String reference, Viewer viewer) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = supported(reference, viewer);
        requireOpen(ticket);
        ticket.take(viewer.identifiant(), viewer.displayName(), clock.instant());
    }

    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public void waitForRequester(String reference, Viewer viewer) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = supported(reference, viewer);
        requireOpen(ticket);
        ticket.waitForRequester(viewer.identifiant(), viewer.displayName(), clock.instant());
    }

    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public void resolve(String reference, Viewer viewer) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = supported(reference, viewer);
        requireOpen(ticket);
        ticket.resolve(viewer.identifiant(), viewer.displayName(), clock.instant());
        outbox.email(ticket.contactAddress(), ticket.requester() == null
                ? templates.email("ticket-resolved-public", ticket.reference(), settings.hotlinePhone())
                : templates.email("ticket-resolved", ticket.requesterName(), ticket.reference(), ticket.subject(),
                        settings.reopenWindow().toDays(), followLink(ticket)), ticket.reference());
    }

    /** The requester answers "are you satisfied?" once the ticket is resolved. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public void rate(String reference, Viewer viewer, int answer) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = find(reference, viewer);
        if (!viewer.isRequesterOf(ticket) || !ticket.isAwaitingSatisfaction() || answer < 1 || answer > 4) {
            throw new TicketActionRefusedException("no satisfaction answer expected");
        }
        ticket.rate(answer, viewer.identifiant(), viewer.displayName(), clock.instant());
    }

    /** The hotline checked, by phone or otherwise, who wrote a request from the public form. */
    @RolesAllowed({Roles.HOTLINE, Roles.ADMIN})
    public void verifyIdentity(String reference, Viewer viewer) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = find(reference, viewer);
        if (!viewer.isHotline() || ticket.isIdentityVerified()) {
            throw new TicketActionRefusedException("only the hotline, once");
        }
        ticket.verifyIdentity(viewer.identifiant(), viewer.displayName(), clock.instant());
    }

    /** The requester finds the problem is back, within the reopening window. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public void reopen(String reference, Viewer viewer, String why) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = find(reference, viewer);
        if (!viewer.isRequesterOf(ticket) && !viewer.supports(ticket)) {
            throw new TicketActionRefusedException("not yours");
        }
        if (!ticket.isReopenable(clock.instant(), settings.reopenWindow())) {
            throw new TicketActionRefusedException("not reopenable");
        }
        ticket.reopen(viewer.identifiant(), viewer.displayName(), why == null ? null : why.strip(), clock.instant());
        notifySupport(ticket, referentsOf(ticket.uai()), "ticket-answered");
    }

    /** Passes the ticket up: school → hotline → experts, with a note for the next level. */
    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public void escalate(String reference, Viewer viewer, String note) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = supported(reference, viewer);
        requireOpen(ticket);
        if (ticket.level() >= Ticket.EXPERTS) {
            throw new TicketActionRefusedException("already at the last level");
        }
        if (ticket.level() == Ticket.HOTLINE && !viewer.isHotline()) {
            throw new TicketActionRefusedException("the hotline passes tickets to the experts");
        }
        raise(ticket, viewer.identifiant(), viewer.displayName(), note, clock.instant());
    }

    /**
     * Moves the ticket one level up and tells the next level; used by people and by the deadline
     * sweep, in the caller's transaction.
     */
    public void raise(Ticket ticket, String by, String byName, String note, Instant now) {
        ticket.escalate(ticket.level() + 1, by, byName, note, now, now.plus(settings.takeWithin(ticket.priority())),
                now.plus(settings.resolveWithin(ticket.priority())));
        outbox.email(sharedAddressOf(ticket), templates.email("ticket-escalated", ticket.reference(), ticket.subject(),
                ticket.level(), note == null ? "" : note, settings.url("/support/demande?ref=" + ticket.reference())),
                ticket.reference());
    }

    /** The tickets this person may see, one page, filtered and sorted by the database. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public TicketPage list(TicketQuery query, Viewer viewer, Scope scope, int first, int max) {
        requireCaller(viewer);
        Optional<Filter> filter = filter(query, viewer, scope);
        if (filter.isEmpty()) {
            return new TicketPage(List.of(), 0);
        }
        String sort = TicketQuery.SORTS.contains(query.sort()) ? query.sort() : "priority";
        String direction = query.ascending() ? " asc" : " desc";
        String order = " order by t." + sort + direction + (sort.equals("createdAt") ? "" : ", t.createdAt desc") + ", t.id desc";
        TypedQuery<Ticket> page = em.createQuery("select t from Ticket t" + filter.get().where() + order, Ticket.class);
        filter.get().parameters().forEach(page::setParameter);
        List<Ticket> rows = page.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)))
                .getResultList();
        return new TicketPage(rows, count(filter.get()));
    }

    /**
     * The latest tickets an agent asked for, newest first, among those this person supports (the agent
     * look-up): a référent sees their school's, the RSSI the security reports, the hotline all of them.
     */
    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public List<Ticket> requestedBy(String identifiant, Viewer viewer, int max) {
        requireCaller(viewer);
        return em.createQuery("select t from Ticket t where t.requester = :requester order by t.createdAt desc, t.id desc",
                        Ticket.class)
                .setParameter("requester", identifiant)
                .setMaxResults(MAX_PAGE)
                .getResultList()
                .stream()
                .filter(viewer::supports)
                .limit(Math.max(0, Math.min(max, MAX_PAGE)))
                .toList();
    }

    /** How many tickets this person's list holds, without reading any. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public long count(TicketQuery query, Viewer viewer, Scope scope) {
        requireCaller(viewer);
        return filter(query, viewer, scope).map(this::count).orElse(0L);
    }

    private long count(Filter filter) {
        TypedQuery<Long> count = em.createQuery("select count(t) from Ticket t" + filter.where(), Long.class);
        filter.parameters().forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** A where clause and its parameters. */
    private record Filter(String where, Map<String, Object> parameters) {
    }

    /** What this person may see in this list, narrowed by the query; empty when the list is not theirs. */
    private static Optional<Filter> filter(TicketQuery query, Viewer viewer, Scope scope) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        switch (scope) {
            case MINE -> {
                where.append(" and t.requester = :me");
                parameters.put("me", viewer.identifiant());
            }
            case SCHOOL -> {
                if (!viewer.roles().contains("referent") || viewer.uai().isEmpty()) {
                    return Optional.empty();
                }
                where.append(" and t.uai = :school and t.securityKind is null");
                parameters.put("school", viewer.uai().get().value());
            }
            case ALL -> {
                if (!viewer.isHotline()) {
                    return Optional.empty();
                }
            }
            case EXPERTS -> {
                if (!viewer.isExpert() && !viewer.isHotline()) {
                    return Optional.empty();
                }
                where.append(" and t.level >= :experts and t.securityKind is null");
                parameters.put("experts", Ticket.EXPERTS);
            }
            case SECURITY -> {
                if (!viewer.isRssi() && !viewer.isHotline()) {
                    return Optional.empty();
                }
                where.append(" and t.securityKind is not null");
            }
        }
        query.status().ifPresent(status -> {
            where.append(" and t.status = :status");
            parameters.put("status", status);
        });
        if (query.openOnly() && query.status().isEmpty()) {
            where.append(" and t.status in :open");
            parameters.put("open", Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList());
        }
        query.priority().ifPresent(priority -> {
            where.append(" and t.priority = :priority");
            parameters.put("priority", priority);
        });
        query.uai().ifPresent(uai -> {
            where.append(" and t.uai = :uai");
            parameters.put("uai", uai.toUpperCase(Locale.ROOT));
        });
        query.category().ifPresent(category -> {
            where.append(" and t.category = :category");
            parameters.put("category", category);
        });
        query.level().ifPresent(level -> {
            where.append(" and t.level = :level");
            parameters.put("level", level);
        });
        query.text().ifPresent(text -> {
            where.append(" and (upper(t.reference) like :text escape '\\' or upper(t.subject) like :text escape '\\'"
                    + " or upper(t.requesterName) like :text escape '\\' or upper(t.requester) like :text escape '\\')");
            parameters.put("text", "%" + likeEscaped(text.toUpperCase(Locale.ROOT)) + "%");
        });
        return Optional.of(new Filter(where.toString(), parameters));
    }

    /** Which list a page shows. */
    public enum Scope {
        /** The requester's own tickets. */
        MINE,
        /** A référent's school. */
        SCHOOL,
        /** Every ticket (hotline). */
        ALL,
        /** The tickets passed to the third level, security reports aside (experts). */
        EXPERTS,
        /** The security reports (RSSI). */
        SECURITY
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The viewer the web layer built must be the caller, with the caller's roles only. */
    private void requireCaller(Viewer viewer) {
        if (viewer == null) {
            throw new fr.sesame.security.NotTheCallerException("No viewer");
        }
        Callers.requireSelf(context, viewer.roles(), viewer.identifiant());
    }

    private Ticket supported(String reference, Viewer viewer) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = find(reference, viewer);
        if (!viewer.supports(ticket)) {
            throw new TicketActionRefusedException("only the support does this");
        }
        return ticket;
    }

    private static void requireOpen(Ticket ticket) throws TicketActionRefusedException {
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new TicketActionRefusedException("closed");
        }
    }

    private Optional<Ticket> byReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 20) {
            return Optional.empty();
        }
        return em.createQuery("select t from Ticket t where t.reference = :reference", Ticket.class)
                .setParameter("reference", reference.strip().toUpperCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    private List<Agent> referentsOf(String uai) {
        Optional<Uai> school = Uai.parse(uai);
        if (school.isEmpty()) {
            return List.of();
        }
        try {
            return directory.referentsOf(school.get());
        } catch (DirectoryUnavailableException e) {
            return List.of(); // the hotline takes it rather than nobody
        }
    }

    /** Tells the level in charge: the school's référents, or the hotline's or the experts' shared address. */
    private void notifySupport(Ticket ticket, List<Agent> referents, String template) {
        List<String> recipients = new ArrayList<>();
        if (ticket.level() == Ticket.SCHOOL) {
            referents.stream().map(Agent::academicAddress).filter(address -> address != null && !address.isBlank())
                    .forEach(recipients::add);
        }
        if (recipients.isEmpty()) {
            recipients.add(sharedAddressOf(ticket));
        }
        MailText text = templates.email(template, ticket.reference(), ticket.subject(), ticket.requesterName(),
                ticket.priority(), settings.url("/support/demande?ref=" + ticket.reference()));
        recipients.forEach(recipient -> outbox.email(recipient, text, ticket.reference()));
    }

    /**
     * The shared address of the level in charge beyond the school: the experts' once a ticket reached
     * them, the hotline's otherwise. A security report the deadlines pushed up stays with the hotline:
     * the experts never see one.
     */
    private String sharedAddressOf(Ticket ticket) {
        return ticket.level() >= Ticket.EXPERTS && !ticket.isSecurityReport() ? settings.expertsEmail() : settings.hotlineEmail();
    }

    /** Where the requester follows the ticket. */
    public String followLink(Ticket ticket) {
        return ticket.requester() == null ? settings.url("/assistance")
                : settings.url("/compte/demande?ref=" + ticket.reference());
    }
}
