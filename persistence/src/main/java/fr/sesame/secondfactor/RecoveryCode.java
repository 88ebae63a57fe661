package fr.sesame.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** One of the ten codes that open a login without the phone, once each. Only its hash is kept. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "identifiant", length = 64, nullable = false, updatable = false)
    private String identifiant;

    @Column(name = "code_hash", length = 64, nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
        // for JPA
    }

    public RecoveryCode(String identifiant, String codeHash) {
        this.identifiant = Objects.requireNonNull(identifiant, "identifiant");
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
    }

    public Long id() {
        return id;
    }

    public String identifiant() {
        return identifiant;
    }

    public boolean isUsed() {
        return usedAt != null;
    }
}
