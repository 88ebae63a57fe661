package fr.sesame.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.ByteArrayInputStream;
import java.util.Iterator;

/** Reads the stored national directory of schools line by line; after a restart it resumes where the last chunk committed. */
@Dependent
@Named("schoolReader")
public class SchoolItemReader extends StoredFileItemReader {

    @Inject
    ImportService imports;

    @Override
    Iterator<?> lines(byte[] content) {
        return imports.schoolReader().lines(new ByteArrayInputStream(content)).iterator();
    }
}
