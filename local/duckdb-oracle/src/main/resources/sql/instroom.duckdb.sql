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
