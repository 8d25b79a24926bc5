-- The working calendar (工作日历): the days the State Council's yearly notice marks, per year. Days not
-- listed are worked Monday to Friday and off at the weekend. A year without a calendar_year row has no
-- published data; the application then computes its statutory holidays and flags deadlines provisional.

create table calendar_year (
    year        integer primary key check (year between 2000 and 2100),
    source      varchar(500) not null,
    imported_at timestamptz not null,
    imported_by varchar(100) not null
);

comment on table calendar_year is 'Years with published holiday data, and where the current data came from';

create table calendar_day (
    day  date primary key,
    kind varchar(4) not null check (kind in ('OFF', 'WORK')),
    name varchar(50) not null,
    -- The import that published the day; a notice may reach into the neighbouring year.
    year integer not null references calendar_year (year)
);

create index calendar_day_year on calendar_day (year);

comment on table calendar_day is 'Holidays (OFF) and make-up working days (WORK, a Saturday or Sunday worked)';

-- Every import, kept with the document it came from: deadlines depend on this data, so a change to it
-- must stay traceable after the next import replaces it.
create table calendar_import (
    id          bigint generated always as identity primary key,
    year        integer not null references calendar_year (year),
    source      varchar(500) not null,
    imported_at timestamptz not null,
    imported_by varchar(100) not null,
    day_count   integer not null,
    document    text not null
);

create index calendar_import_year on calendar_import (year, imported_at);
