package fr.sesame.security;

import fr.sesame.web.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * "/securite/journal": the RSSI reads the audit trail, filtered by agent, staff member, kind and dates,
 * a page at a time from the database (plain links: it works without JavaScript), exports what is
 * filtered as CSV, and checks that the chain is whole.
 */
@RequiresRole({Roles.RSSI, Roles.ADMIN})
@Named
@RequestScoped
public class AuditJournalPage {

    static final int PAGE_SIZE = 50;
    private static final List<Integer> PAGE_SIZES = List.of(10, PAGE_SIZE, 200);
    private static final int FIELD_LENGTH = 100;

    @Inject
    AuditTrail trail;

    @Inject
    fr.sesame.web.Messages messages;

    @Inject
    Site site;

    private String agent;
    private String performedBy;
    private String type;
    private String from;
    private String until;
    private int page = 1;
    private int pageSize = PAGE_SIZE;
    private List<AuditEvent> events = List.of();
    private long total;
    private AuditChain.Verification verification;

    public void load() {
        AuditQuery query = queryOf(agent, performedBy, type, from, until, site.getZone());
        total = trail.count(query);
        page = (int) Math.max(1, Math.min(page, lastPage()));
        events = trail.search(query, (page - 1) * pageSize, pageSize);
    }

    /** A date typed that cannot be read: the page says so beside its field, and does not apply it. */
    public boolean isFromInvalid() {
        return from != null && !from.isBlank() && date(from).isEmpty();
    }

    public boolean isUntilInvalid() {
        return until != null && !until.isBlank() && date(until).isEmpty();
    }

    /**
     * The query the page's parameters ask for (the export's too); what cannot be read is not applied.
     *
     * @param from the first day, yyyy-MM-dd, included
     * @param until the last day, included
     */
    static AuditQuery queryOf(String agent, String performedBy, String type, String from, String until, ZoneId zone) {
        return new AuditQuery(Optional.ofNullable(agent), Optional.ofNullable(performedBy), kind(type),
                date(from).map(day -> day.atStartOfDay(zone).toInstant()),
                date(until).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()), Optional.empty());
    }

    private static Optional<AuditEventType> kind(String type) {
        return Stream.of(AuditEventType.values()).filter(t -> t.name().equals(type)).findFirst();
    }

    private static Optional<LocalDate> date(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            // Years a person means and every database stores: +999999999-12-31 is no date to search by.
            return Optional.of(LocalDate.parse(typed.strip())).filter(day -> day.getYear() >= 1900 && day.getYear() <= 9999);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The RSSI's button: walks the whole chain. */
    public void verify() {
        verification = trail.verify();
        load();
    }

    public String describe(AuditChain.Verification result) {
        if (result.intact()) {
            return messages.text("journal.verify.intact", result.checked(), result.unchained());
        }
        return messages.text("journal.verify.broken." + result.problem().name(),
                result.brokenSeq() == null ? "?" : result.brokenSeq(),
                result.brokenId() == null ? "?" : result.brokenId(), result.checked());
    }

    public long lastPage() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** The same filters, on another page or in the export: GET parameters, encoded. */
    public String parameters(int onPage) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("agent", agent);
        values.put("auteur", performedBy);
        values.put("type", kind(type).map(Enum::name).orElse(null));
        values.put("du", from);
        values.put("au", until);
        if (pageSize != PAGE_SIZE) {
            values.put("taille", Integer.toString(pageSize));
        }
        if (onPage > 1) {
            values.put("page", Integer.toString(onPage));
        }
        return values.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String format(Instant instant) {
        return site.formatToTheSecond(instant);
    }

    public List<AuditEventType> getTypes() {
        return List.of(AuditEventType.values());
    }

    public List<AuditEvent> getEvents() {
        return events;
    }

    public long getTotal() {
        return total;
    }

    public AuditChain.Verification getVerification() {
        return verification;
    }

    private static String cut(String value) {
        return value == null ? null : value.substring(0, Math.min(value.length(), FIELD_LENGTH));
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = cut(agent);
    }

    public String getPerformedBy() {
        return performedBy;
    }

    public void setPerformedBy(String performedBy) {
        this.performedBy = cut(performedBy);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = cut(type);
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = cut(from);
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = cut(until);
    }

    public int getPage() {
        return page;
    }

    /** The page asked for in the address; anything but a number is the first page. */
    public String getPageParameter() {
        return Integer.toString(page);
    }

    public List<Integer> getPageSizes() {
        return PAGE_SIZES;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Rows per page, one of {@link #getPageSizes()}; anything else is the usual size. */
    public String getPageSizeParameter() {
        return Integer.toString(pageSize);
    }

    public void setPageSizeParameter(String typed) {
        pageSize = PAGE_SIZES.stream().filter(size -> size.toString().equals(typed == null ? null : typed.strip()))
                .findFirst().orElse(PAGE_SIZE);
    }

    public void setPageParameter(String typed) {
        try {
            page = typed == null ? 1 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            page = 1;
        }
    }
}
