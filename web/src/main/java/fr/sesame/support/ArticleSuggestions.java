package fr.sesame.support;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.List;

/**
 * Help articles suggested while a request is typed, for the page that holds the draft. "Cela a résolu
 * mon problème" counts the article and drops the draft.
 */
@Dependent
public class ArticleSuggestions implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 3;

    @Inject
    HelpArticles helpArticles;

    private transient List<HelpArticle> suggestions;
    private boolean solved;

    /** Articles that match what is typed so far. */
    public void suggest(TicketDraft draft) {
        suggestions = helpArticles.search((draft.getSubject() == null ? "" : draft.getSubject()) + " "
                + (draft.getDescription() == null ? "" : draft.getDescription()), SHOWN);
    }

    public void solvedBy(String slug) {
        helpArticles.solvedAProblem(slug);
        solved = true;
    }

    public List<HelpArticle> getSuggestions() {
        return suggestions == null ? List.of() : suggestions;
    }

    public boolean isSolved() {
        return solved;
    }
}
