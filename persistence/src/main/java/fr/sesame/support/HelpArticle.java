package fr.sesame.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** A help article: shipped in French, edited by the hotline, suggested while a request is typed. */
@Entity
@Table(name = "help_article")
public class HelpArticle {

    public static final int MAX_TITLE = 200;
    public static final int MAX_KEYWORDS = 500;
    public static final int MAX_BODY = 20000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slug", length = 80, nullable = false, updatable = false)
    private String slug;

    @Column(name = "title", length = MAX_TITLE, nullable = false)
    private String title;

    @Column(name = "keywords", length = MAX_KEYWORDS, nullable = false)
    private String keywords;

    @Column(name = "body", length = MAX_BODY, nullable = false)
    private String body;

    /** How many agents said "cela a résolu mon problème" instead of sending their request. */
    @Column(name = "resolved_count", nullable = false)
    private int resolvedCount;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected HelpArticle() {
        // for JPA
    }

    public HelpArticle(String slug, String title, String keywords, String body, String by, Instant now) {
        this.slug = Objects.requireNonNull(slug, "slug");
        edit(title, keywords, body, by, now);
    }

    public void edit(String title, String keywords, String body, String by, Instant now) {
        this.title = cut(title, MAX_TITLE);
        this.keywords = cut(keywords == null ? "" : keywords, MAX_KEYWORDS);
        this.body = cut(body, MAX_BODY);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    private static String cut(String value, int max) {
        String stripped = Objects.requireNonNull(value).strip();
        return stripped.substring(0, Math.min(stripped.length(), max));
    }

    public void solvedAProblem() {
        resolvedCount++;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String keywords() {
        return keywords;
    }

    public String body() {
        return body;
    }

    public int resolvedCount() {
        return resolvedCount;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
