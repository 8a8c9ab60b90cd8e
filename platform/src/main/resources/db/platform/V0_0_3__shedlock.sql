-- ShedLock's lock table (https://github.com/lukas-krecan/ShedLock#jdbctemplate): one outbox
-- relay per service across instances, and any @SchedulerLock job a service declares.
-- Plain TIMESTAMP on purpose: the lock provider runs on database time and writes
-- timezone('utc', CURRENT_TIMESTAMP), a timestamp without zone.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
