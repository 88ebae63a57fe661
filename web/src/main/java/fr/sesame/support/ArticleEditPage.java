package fr.sesame.support;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** "/hotline/articles": the hotline edits the help articles and sees which ones solve problems. */
@RequiresRole({Roles.HOTLINE, Roles.ADMIN})
@Named
@ViewScoped
public class ArticleEditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HelpArticles articles;

    @Inject
    Messages messages;

    private String slug;
    private String title;
    private String keywords;
    private String body;

    public List<HelpArticle> getArticles() {
        return articles.all();
    }

    /** Puts an article in the form. */
    public void edit(String chosen) {
        articles.find(chosen).ifPresent(article -> {
            slug = article.slug();
            title = article.title();
            keywords = article.keywords();
            body = article.body();
        });
    }

    public void save() {
        HelpArticle saved = articles.save(slug, title, keywords, body,
                FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
        slug = saved.slug();
        messages.info("articles.saved", saved.title());
    }

    public void startNew() {
        slug = null;
        title = null;
        keywords = null;
        body = null;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
