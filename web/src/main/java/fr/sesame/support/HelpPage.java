package fr.sesame.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;

/** "/aide" (every article, or those matching a search) and "/aide/article?a=…" (one article). */
@Named
@RequestScoped
public class HelpPage {

    private static final int MAX_RESULTS = 20;

    @Inject
    HelpArticles articles;

    @Inject
    HelpArticleSettings settings;

    private String query;
    private String slug;
    private List<HelpArticle> found;
    private Optional<HelpArticle> article;

    public List<HelpArticle> getArticles() {
        if (found == null) {
            found = query == null || query.isBlank() ? articles.all() : articles.search(query, MAX_RESULTS);
        }
        return found;
    }

    public HelpArticle getArticle() {
        if (article == null) {
            article = articles.find(slug);
        }
        return article.orElse(null);
    }

    /** The article's text, the settings it names filled in. */
    public String getBody() {
        HelpArticle shown = getArticle();
        return shown == null ? "" : settings.fill(shown.body());
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? null : query.substring(0, Math.min(query.length(), 200));
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug == null ? null : slug.substring(0, Math.min(slug.length(), 80));
    }
}
