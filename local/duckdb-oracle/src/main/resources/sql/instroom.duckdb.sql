-- Instroomcohorten (../shared/spec/indicators.md, "v1.3 — instroomcohorten") in DuckDB SQL, independent of the Java
-- engine's Instroom. Runs after indicators.duckdb.sql (it reads `merged`, `periods`, `units` and the provider tables) and adds the
-- cohort rows to `indicator_values`. On the way: `instroom_members`:
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
-- each member in the units of P it counts for: a member counts when its gemeente delivered for P (as every figure of P
-- counts only delivering municipalities): for that gemeente's units (gemeente, jeugdregio, size class, nederland), and
-- for the provider unit the v1.3 rule gives its AGB in P (its own code, or 'overig')
CREATE OR REPLACE TEMP TABLE instroom_units AS
SELECT m.*, u.niveau, u.code
FROM instroom_members m JOIN units u ON u.periode = m.periode AND u.gemeente = m.gemeente
UNION ALL
SELECT m.*, 'aanbieder', a.code
FROM instroom_members m
JOIN deliveries d ON d.periode = m.periode AND d.gemeente = m.gemeente
JOIN (SELECT DISTINCT periode, agb, code FROM provider_facts WHERE niveau = 'aanbieder') a
  ON a.periode = m.periode AND a.agb = m.agb;
;;
-- every unit of P that has cohort figures: the municipal units of the delivering municipalities and the national
-- provider units (cohorts have no aanbieder_jeugdregio level)
CREATE OR REPLACE TEMP TABLE instroom_unit_list AS
SELECT DISTINCT periode, niveau, code FROM units
UNION
SELECT DISTINCT periode, niveau, code FROM provider_units WHERE niveau = 'aanbieder';
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
;;
-- the cohort rows of the indicator table: the members (0 for a unit without), the four states per horizon (not yet
-- due: nog_niet_beschikbaar; no members: niet_beschikbaar) and the median (not reached: nog_niet_beschikbaar)
INSERT INTO indicator_values
WITH c AS (
    SELECT l.periode, l.niveau, l.code, coalesce(m.members, 0) AS members, coalesce(m.events, 0) AS events, m.median
    FROM instroom_unit_list l LEFT JOIN instroom_median m USING (periode, niveau, code)),
h(horizon, days) AS (VALUES ('6m', 181), ('12m', 365), ('24m', 730)),
st(state) AS (VALUES ('in_zorg'), ('terug'), ('uit_volgens_plan'), ('uit_anders'))
SELECT periode, niveau, code, 'instroom_jeugdigen', members, NULL, members, 'ok' FROM c
UNION ALL
SELECT c.periode, c.niveau, c.code, 'instroom_' || h.horizon || '_' || st.state,
       CASE WHEN p.l + h.days > x.lmax THEN NULL ELSE coalesce(n.n, 0) END,
       CASE WHEN p.l + h.days > x.lmax THEN NULL ELSE c.members END,
       CASE WHEN p.l + h.days <= x.lmax AND c.members > 0 THEN coalesce(n.n, 0) / c.members END,
       CASE WHEN p.l + h.days > x.lmax THEN 'nog_niet_beschikbaar' WHEN c.members > 0 THEN 'ok'
            ELSE 'niet_beschikbaar' END
FROM c JOIN periods p USING (periode) CROSS JOIN h CROSS JOIN st CROSS JOIN instroom_lmax x
LEFT JOIN instroom_states n
  ON n.periode = c.periode AND n.niveau = c.niveau AND n.code = c.code AND n.horizon = h.horizon AND n.state = st.state
UNION ALL
SELECT periode, niveau, code, 'instroom_duur_km_mediaan_dagen', events, members, median,
       CASE WHEN members = 0 THEN 'niet_beschikbaar' WHEN median IS NULL THEN 'nog_niet_beschikbaar' ELSE 'ok' END
FROM c;
