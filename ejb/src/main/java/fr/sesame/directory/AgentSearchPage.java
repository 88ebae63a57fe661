package fr.sesame.directory;

import java.util.List;

/**
 * One page of an {@link AgentSearch}, in the directory's order.
 *
 * @param page the page's number, from 0
 * @param more whether the directory holds more entries after this page
 */
public record AgentSearchPage(List<Agent> agents, int page, boolean more) {

    public AgentSearchPage {
        agents = List.copyOf(agents);
    }
}
