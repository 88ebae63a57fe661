-- Établissements imported from the national directory of schools (Annuaire de l'éducation): the kind of
-- établissement it gives ("Collège", "Service Administratif"…), and imports of more than one kind of file.
-- Additive only: an EAR of the version before runs on this schema (its imports are of the assignments file).
alter table school add column kind varchar(100);

alter table import_run add column kind varchar(12) default 'ASSIGNMENTS' not null;
alter table import_run add column created integer default 0 not null;
alter table import_run add column updated integer default 0 not null;
alter table import_run add column outside_academie integer default 0 not null;
-- Each import page lists the latest runs of its own kind.
create index ix_import_run_kind on import_run (kind, uploaded_at);
