package fr.sesame.admin;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.Iterator;

/**
 * Reads the file an import was started with, from the database, line by line; after a restart it
 * resumes where the last chunk committed. Each kind of file says how its lines are read.
 */
abstract class StoredFileItemReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = ImportService.RUN_PARAMETER)
    String importRunId;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    private Iterator<?> lines;
    private int read;

    /** The lines of the stored file, as its reader gives them. */
    abstract Iterator<?> lines(byte[] content);

    @Override
    public void open(Serializable checkpoint) {
        ImportRun run = em.find(ImportRun.class, Long.valueOf(importRunId));
        lines = lines(run.content());
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
