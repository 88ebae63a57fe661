package fr.sesame.admin;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.Iterator;

/** Reads the stored HR file line by line; after a restart it resumes where the last chunk committed. */
@Dependent
@Named("assignmentReader")
public class AssignmentItemReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = ImportService.RUN_PARAMETER)
    String importRunId;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    ImportService imports;

    private Iterator<AssignmentLine> lines;
    private int read;

    @Override
    public void open(Serializable checkpoint) {
        ImportRun run = em.find(ImportRun.class, Long.valueOf(importRunId));
        lines = imports.reader().lines(new ByteArrayInputStream(run.content())).iterator();
        int alreadyDone = checkpoint == null ? 0 : (Integer) checkpoint;
        while (read < alreadyDone && lines.hasNext()) {
            lines.next();
            read++;
        }
    }

    @Override
    public Object readItem() {
        if (!lines.hasNext()) {
            return null;
        }
        read++;
        return lines.next();
    }

    @Override
    public Serializable checkpointInfo() {
        return read;
    }
}
