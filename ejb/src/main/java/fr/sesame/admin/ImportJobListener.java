package fr.sesame.admin;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records the start and end of an import of either kind (completed or failed) on its run and in the audit trail. */
@Dependent
@Named("importJobListener")
public class ImportJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty(name = ImportService.RUN_PARAMETER)
    String importRunId;

    @Inject
    JobContext job;

    @Inject
    ImportRunUpdates updates;

    @Override
    public void beforeJob() {
        updates.started(Long.parseLong(importRunId), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        // afterJob runs before the runtime sets the final status: a job that got here without failing completed.
        updates.finished(Long.parseLong(importRunId), job.getBatchStatus() != BatchStatus.FAILED);
    }
}
