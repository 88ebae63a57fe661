package fr.sesame.support;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.web.Site;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "/support/demandes": the référent's school queue, the experts' queue of the tickets passed to them or
 * the hotline's list of every ticket, filtered, sorted and paged by the database (a page of rows at a
 * time, never the whole table).
 */
@RequiresRole({Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@Named
@ViewScoped
public class TicketQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TicketService tickets;

    @Inject
    CurrentViewer viewer;

    @Inject
    Site site;

    private TicketStatus status;
    private Integer priority;
    private TicketCategory category;
    private Integer level;
    private String school;
    private String text;
    private boolean openOnly = true;
    private LazyDataModel<Ticket> model;

    @PostConstruct
    void prepare() {
        model = new Rows();
    }

    /**
     * The list this person sees: every ticket for the hotline, the third level's for the experts, their
     * school's for a référent.
     */
    private TicketService.Scope scope() {
        Viewer who = viewer.get();
        if (who.isHotline()) {
            return TicketService.Scope.ALL;
        }
        if (who.isExpert()) {
            return TicketService.Scope.EXPERTS;
        }
        return who.isRssi() ? TicketService.Scope.SECURITY : TicketService.Scope.SCHOOL;
    }

    private TicketQuery query(String sort, boolean ascending) {
        return new TicketQuery(Optional.ofNullable(status), Optional.ofNullable(priority),
                Optional.ofNullable(school), Optional.ofNullable(category), Optional.ofNullable(level),
                Optional.ofNullable(text), openOnly, sort, ascending);
    }

    /** The rows of one page, asked for by the table. */
    private final class Rows extends LazyDataModel<Ticket> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, tickets.count(query("priority", false), viewer.get(), scope()));
        }

        @Override
        public List<Ticket> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String sort = "priority";
            boolean ascending = false;
            if (sortBy != null && !sortBy.isEmpty()) {
                SortMeta meta = sortBy.values().iterator().next();
                sort = meta.getField();
                ascending = meta.getOrder() == SortOrder.ASCENDING;
            }
            TicketPage page = tickets.list(query(sort, ascending), viewer.get(), scope(), first, pageSize);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.rows();
        }

        @Override
        public String getRowKey(Ticket ticket) {
            return ticket.reference();
        }

        @Override
        public Ticket getRowData(String rowKey) {
            return null;
        }
    }

    public String format(Instant instant) {
        return site.format(instant);
    }

    public boolean isHotline() {
        return viewer.get().isHotline();
    }

    public boolean isExperts() {
        return viewer.get().isExpert() && !viewer.get().isHotline();
    }

    public boolean isRssi() {
        return viewer.get().isRssi() && !viewer.get().isHotline() && !viewer.get().isExpert();
    }

    public List<TicketStatus> getStatuses() {
        return List.of(TicketStatus.values());
    }

    public List<TicketCategory> getCategories() {
        return List.of(TicketCategory.values());
    }

    public List<Integer> getLevels() {
        return List.of(1, 2, 3, 4, 5);
    }

    public LazyDataModel<Ticket> getModel() {
        return model;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public void setStatus(TicketStatus status) {
        this.status = status;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public TicketCategory getCategory() {
        return category;
    }

    public void setCategory(TicketCategory category) {
        this.category = category;
    }

    public Integer getLevel() {
        return level;
    }

    public void setLevel(Integer level) {
        this.level = level;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school == null ? null : school.substring(0, Math.min(school.length(), 8));
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? null : text.substring(0, Math.min(text.length(), 100));
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }
}
