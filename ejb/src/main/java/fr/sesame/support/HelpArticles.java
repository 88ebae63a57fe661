package fr.sesame.support;

import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.platform.Folding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The help articles: searched by the words typed (accents and case aside), suggested while a
 * request is typed, edited by the hotline. A few dozen articles: ranked here, after the database
 * filtered them on any word.
 */
@Stateless
@PermitAll
public class HelpArticles {

    /** Words too common to tell articles apart. */
    private static final Set<String> STOP_WORDS = Set.of("les", "des", "une", "est", "pas", "que", "qui", "pour",
            "dans", "sur", "mon", "mes", "par", "avec", "plus", "mais", "vous", "nous", "ne", "je", "ai", "ma",
            "the", "and", "for");
    private static final int MAX_WORDS = 8;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Clock clock;

    public List<HelpArticle> all() {
        return em.createQuery("select a from HelpArticle a order by a.title", HelpArticle.class).getResultList();
    }

    public Optional<HelpArticle> find(String slug) {
        if (slug == null || slug.isBlank() || slug.length() > 80) {
            return Optional.empty();
        }
        return em.createQuery("select a from HelpArticle a where a.slug = :slug", HelpArticle.class)
                .setParameter("slug", slug.strip()).getResultList().stream().findFirst();
    }

    /** The articles matching the most words of {@code text}, best first; empty for no usable word. */
    public List<HelpArticle> search(String text, int max) {
        List<String> words = wordsOf(text);
        if (words.isEmpty()) {
            return List.of();
        }
        return all().stream()
                .map(article -> new Scored(article, score(article, words)))
                .filter(scored -> scored.score > 0)
                .sorted(Comparator.comparingInt((Scored scored) -> scored.score).reversed()
                        .thenComparing(scored -> scored.article.title()))
                .limit(Math.max(1, max))
                .map(scored -> scored.article)
                .toList();
    }

    private record Scored(HelpArticle article, int score) {
    }

    /** Title and keywords weigh three times the body. */
    private static int score(HelpArticle article, List<String> words) {
        String head = Folding.fold(article.title() + " " + article.keywords());
        String body = Folding.fold(article.body());
        int score = 0;
        for (String word : words) {
            if (head.contains(word)) {
                score += 3;
            } else if (body.contains(word)) {
                score += 1;
            }
        }
        return score;
    }

    static List<String> wordsOf(String text) {
        if (text == null) {
            return List.of();
        }
        String folded = Folding.fold(text.length() > 2000 ? text.substring(0, 2000) : text);
        return Arrays.stream(folded.split("[^a-z0-9]+"))
                .filter(word -> word.length() >= 3 && !STOP_WORDS.contains(word))
                .map(word -> word.length() > 6 ? word.substring(0, 6) : word) // "configurer" finds "configuration"
                .distinct()
                .limit(MAX_WORDS)
                .collect(Collectors.toList());
    }

    /** An agent found the answer in the article instead of sending a request. */
    public void solvedAProblem(String slug) {
        find(slug).ifPresent(HelpArticle::solvedAProblem);
    }

    /** The hotline edits an article, or writes a new one under a new address. */
    @RolesAllowed({Roles.HOTLINE, Roles.ADMIN})
    public HelpArticle save(String slug, String title, String keywords, String body, String by) {
        Optional<HelpArticle> existing = find(slug);
        if (existing.isPresent()) {
            existing.get().edit(title, keywords, body, by, clock.instant());
            return existing.get();
        }
        HelpArticle article = new HelpArticle(slugOf(slug, title), title, keywords, body, by, clock.instant());
        em.persist(article);
        return article;
    }

    /** An address for a new article, from its title: "Configurer Outlook" → "configurer-outlook". */
    static String slugOf(String slug, String title) {
        String source = slug == null || slug.isBlank() ? title : slug;
        String folded = Folding.fold(source).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return folded.isEmpty() ? "article" : folded.substring(0, Math.min(folded.length(), 80));
    }
}
