package fr.sesame.account;

import fr.sesame.directory.Agent;
import fr.sesame.directory.AgentSearchPage;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * "/hotline/agents": the support finds an agent by identifiant, name, academic or recovery address, or
 * exact NUMEN, a page of the directory at a time. A form sent by POST with plain buttons: it works
 * without JavaScript, and a NUMEN typed never shows in an address, a link or the field again.
 */
@RequiresRole({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
@Named
@RequestScoped
public class AgentsPage {

    static final String FIELD = "recherche:q";

    @Inject
    AgentLookup lookup;

    @Inject
    Messages messages;

    private String query;
    private int page;
    private AgentSearchPage results;
    private boolean numenSearched;

    public void search() {
        page = 0;
        run();
    }

    public void next() {
        page++;
        run();
    }

    public void previous() {
        page = Math.max(0, page - 1);
        run();
    }

    private void run() {
        results = null;
        AgentQuery parsed = AgentQuery.parse(query);
        if (parsed.kind() == AgentQuery.Kind.NUMEN) {
            query = null; // typed, compared by the directory, never shown back
            numenSearched = true;
        } else if (parsed.kind() == AgentQuery.Kind.TOO_LONG && query.length() > AgentQuery.LONGEST) {
            query = query.substring(0, AgentQuery.LONGEST); // not ten thousand characters sent back
        }
        switch (parsed.kind()) {
            case EMPTY -> messages.fieldError(FIELD, "agents.search.required");
            case TOO_LONG -> messages.fieldError(FIELD, "agents.search.tooLong", AgentQuery.LONGEST, AgentQuery.MOST_WORDS);
            case TOO_SHORT -> messages.fieldError(FIELD, "agents.search.tooShort", AgentQuery.SHORTEST_WORD);
            default -> {
                try {
                    results = lookup.search(parsed, page);
                    page = results.page();
                } catch (DirectoryUnavailableException e) {
                    messages.error("error.directoryUnavailable");
                }
            }
        }
    }

    /** Whether a search ran and answered (the results, or none). */
    public boolean isSearched() {
        return results != null;
    }

    public List<Agent> getAgents() {
        return results == null ? List.of() : results.agents();
    }

    public boolean isPrevious() {
        return results == null ? pressed("precedente") : page > 0;
    }

    public boolean isNext() {
        return results == null ? pressed("suivante") : results.more() && page < AgentLookup.MOST_PAGES - 1;
    }

    /**
     * Whether this postback comes from that button of the page. The bean is new at each request: when
     * Faces looks for the button that was pressed, no search has run yet to say whether it was shown,
     * and a button not rendered then is never pressed. The action checks the page again.
     */
    private static boolean pressed(String button) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.isPostback() && faces.getExternalContext().getRequestParameterMap().containsKey("recherche:" + button);
    }

    /** More agents than the pages go through: the search must be narrowed. */
    public boolean isTooMany() {
        return results != null && results.more() && page >= AgentLookup.MOST_PAGES - 1;
    }

    /** The page's number as people count, from 1. */
    public int getPageNumber() {
        return page + 1;
    }

    public boolean isNumenSearched() {
        return numenSearched;
    }

    public String getQuery() {
        return query;
    }

    /** Kept whole: {@link AgentQuery#parse} refuses what is too long, and says so beside the field. */
    public void setQuery(String query) {
        this.query = query;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, Math.min(page, AgentLookup.MOST_PAGES - 1));
    }
}
