-- Departures read from the HR file's end-date column: one row per agent whose assignment ends. The
-- nightly run tells the agent beforehand, closes the account the night after its last day, and takes it
-- out of Sésame's groups after the retention; each step's moment is kept.
create table departure (
    identifiant varchar(64) not null primary key,
    end_date date not null,
    recorded_at timestamp with time zone not null,
    import_run_id bigint,
    notice_sent_at timestamp with time zone,
    departed_at timestamp with time zone,
    groups_left_at timestamp with time zone
);
create index ix_departure_end_date on departure (end_date);

alter table import_run add column departures integer default 0 not null;
