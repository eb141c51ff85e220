-- Instroomcohorten (../shared/spec/indicators.md, "v1.3 — instroomcohorten") in DuckDB SQL, independent of the Java
-- engine's Instroom. Runs after indicators.duckdb.sql (it reads `merged` and `periods`). Result: `instroom_members`:
--   periode, client, gemeente, agb, s, e (NULL: open), r (NULL: no return), plan
-- Statements are separated by a line holding only ";;".

-- the jeugdhulp trajectories of every municipality; an open end as a far date while the islands are found
CREATE OR REPLACE TEMP TABLE instroom_jh AS
SELECT client, gemeente, agb, startdatum AS s, coalesce(einddatum, DATE '9999-12-31') AS e,
       coalesce(reden_beeindiging = '01', false) AS plan
FROM merged
WHERE soort = 'jeugdhulp';
;;
-- episodes as islands: a row opens a new one when it starts more than a day after every earlier row has ended
CREATE OR REPLACE TEMP TABLE instroom_episodes AS
WITH ordered AS (
    SELECT *, max(e) OVER (PARTITION BY client ORDER BY s, e
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS ended_before
    FROM instroom_jh),
numbered AS (
    SELECT *, sum(CASE WHEN ended_before IS NULL OR s > ended_before + 1 THEN 1 ELSE 0 END)
                  OVER (PARTITION BY client ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS episode
    FROM ordered)
SELECT client, episode, min(s) AS s, max(e) AS e
FROM numbered
GROUP BY client, episode;
;;
-- a member per periode and client: its first episode that starts in the periode
CREATE OR REPLACE TEMP TABLE instroom_members AS
WITH firsts AS (
    SELECT p.periode, x.client, x.s, x.e
    FROM instroom_episodes x JOIN periods p ON x.s BETWEEN p.f AND p.l
    QUALIFY row_number() OVER (PARTITION BY p.periode, x.client ORDER BY x.s) = 1),
owner AS (
    SELECT f.periode, f.client, min(j.gemeente) AS gemeente
    FROM firsts f JOIN instroom_jh j ON j.client = f.client AND j.s = f.s
    GROUP BY f.periode, f.client),
provider AS (
    SELECT o.periode, o.client, min(j.agb) AS agb
    FROM owner o JOIN firsts f USING (periode, client)
         JOIN instroom_jh j ON j.client = o.client AND j.s = f.s AND j.gemeente = o.gemeente
    GROUP BY o.periode, o.client),
back AS (
    SELECT f.periode, f.client, min(j.s) AS r
    FROM firsts f JOIN instroom_jh j ON j.client = f.client AND j.s > f.e
    GROUP BY f.periode, f.client),
ending AS (
    SELECT f.periode, f.client, bool_and(j.plan) AS plan
    FROM firsts f JOIN instroom_jh j ON j.client = f.client AND j.e = f.e
    GROUP BY f.periode, f.client)
SELECT f.periode, f.client, o.gemeente, v.agb, f.s,
       CASE WHEN f.e = DATE '9999-12-31' THEN NULL ELSE f.e END AS e,
       CASE WHEN f.e = DATE '9999-12-31' THEN NULL ELSE b.r END AS r,
       f.e <> DATE '9999-12-31' AND coalesce(n.plan, false) AS plan
FROM firsts f
JOIN owner o USING (periode, client)
JOIN provider v USING (periode, client)
LEFT JOIN back b USING (periode, client)
LEFT JOIN ending n USING (periode, client);
;;
-- the lake reaches Lmax: the last day of the latest half-year any municipality delivered for
CREATE OR REPLACE TEMP TABLE instroom_lmax AS
SELECT max(l) AS lmax FROM periods;
;;
-- each member in the units it counts for: its gemeente, that gemeente's jeugdregio, nederland, and its AGB code
-- (the provider rule and the size classes follow when the cohorts join the indicator table)
CREATE OR REPLACE TEMP TABLE instroom_units AS
SELECT m.*, 'gemeente' AS niveau, m.gemeente AS code FROM instroom_members m
UNION ALL
SELECT m.*, 'jeugdregio', x.jeugdregio_code FROM instroom_members m JOIN municipalities x USING (gemeente)
UNION ALL
SELECT m.*, 'nederland', 'NL' FROM instroom_members m
UNION ALL
SELECT m.*, 'aanbieder', m.agb FROM instroom_members m WHERE m.agb IS NOT NULL;
;;
-- the state of each member at each horizon that is due (the half-year's last day plus the horizon within the lake)
CREATE OR REPLACE TEMP TABLE instroom_states AS
WITH h(horizon, days) AS (VALUES ('6m', 181), ('12m', 365), ('24m', 730))
SELECT u.periode, u.niveau, u.code, h.horizon,
       CASE WHEN u.e IS NULL OR u.e >= u.s + h.days THEN 'in_zorg'
            WHEN u.r IS NOT NULL AND u.r <= u.s + h.days THEN 'terug'
            WHEN u.plan THEN 'uit_volgens_plan'
            ELSE 'uit_anders' END AS state,
       count(*) AS n
FROM instroom_units u JOIN periods p USING (periode) CROSS JOIN h CROSS JOIN instroom_lmax x
WHERE p.l + h.days <= x.lmax
GROUP BY ALL;
;;
-- Kaplan-Meier median of E - s: censored at Lmax - s when open or ending after Lmax; at one time the events before
-- the censorings (the at-risk count includes those censored at that time); the first event time with S <= 1/2
CREATE OR REPLACE TEMP TABLE instroom_median AS
WITH d AS (
    SELECT periode, niveau, code,
           CASE WHEN e IS NOT NULL AND e <= x.lmax THEN e - s ELSE x.lmax - s END AS t,
           e IS NOT NULL AND e <= x.lmax AS event
    FROM instroom_units CROSS JOIN instroom_lmax x),
g AS (
    SELECT periode, niveau, code, t, count(*) FILTER (WHERE event) AS died, count(*) AS leaving
    FROM d GROUP BY ALL),
r AS (
    SELECT *, sum(leaving) OVER (PARTITION BY periode, niveau, code ORDER BY t DESC ROWS UNBOUNDED PRECEDING) AS at_risk
    FROM g),
s AS (
    SELECT *, product(CASE WHEN died > 0 THEN CAST(at_risk - died AS DOUBLE) / at_risk ELSE 1 END)
                  OVER (PARTITION BY periode, niveau, code ORDER BY t ROWS UNBOUNDED PRECEDING) AS survival
    FROM r)
SELECT periode, niveau, code, min(t) FILTER (WHERE died > 0 AND survival <= 0.5 + 1e-9) AS median,
       sum(died) AS events, sum(leaving) AS members
FROM s GROUP BY ALL;
