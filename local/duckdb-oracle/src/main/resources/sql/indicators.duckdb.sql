-- Jeugdspiegel indicators in DuckDB SQL: an independent implementation of docs/indicatoren.md
-- (../shared/spec/indicators.md v1.2), used to check the Java engine (IndicatorsDifferentialIT) and
-- as the baseline of the indicators benchmark. It is also the starting point of the Athena SQL.
--
-- Placeholders, replaced textually before the script runs:
--   ${lake_glob}        e.g. /data/lake/trajecten/*/*/*.parquet
--   ${population_glob}  e.g. /data/reference/bevolking/*.csv
--   ${municipalities}   the shipped reference/municipalities.csv
--   ${waiting_rows}     read_parquet of lake/wachtend/*/*/*.parquet (hive partitions, filename), or an empty select
--   ${lake_footers}     parquet_kv_metadata of the lake files, and ${waiting_footers} of the waiting files (or empty)
-- The result is the table `indicator_values`:
--   periode, niveau, code, indicator, teller, noemer, waarde, status
-- Statements are separated by a line holding only ";;" (the runner splits on it).

-- only the columns the definitions use (aanbieder_agb only as 8 digits); files of contract 1.1 have no verblijf
-- (union_by_name gives NULL), so it is derived here as the contract says: jeugdhulp 01-04 false, 11-14 true,
-- else the JZ020 category (40, 41, 45 false; 35-38, 43, 44 true; 31-34 false), else unknown
CREATE OR REPLACE TEMP TABLE lake AS
SELECT client, geboortejaar, leeftijd_start, geslacht, soort, hulpvorm, startdatum, einddatum, reden_beeindiging,
       verwijzer, aanmelddatum, zonder_hulp_verder, tevredenheid, kosten, productcategorie, periode, gemeente,
       CASE WHEN regexp_full_match(aanbieder_agb, '[0-9]{8}') THEN aanbieder_agb END AS agb,
       CASE WHEN soort <> 'jeugdhulp' THEN NULL
            WHEN verblijf IS NOT NULL THEN verblijf
            WHEN hulpvorm IN ('01', '02', '03', '04') THEN false
            WHEN hulpvorm IN ('11', '12', '13', '14') THEN true
            WHEN productcategorie IN ('31', '32', '33', '34', '40', '41', '45') THEN false
            WHEN productcategorie IN ('35', '36', '37', '38', '43', '44') THEN true END AS verblijf
FROM read_parquet('${lake_glob}', hive_partitioning = true, union_by_name = true,
                           hive_types = {'periode': VARCHAR, 'gemeente': VARCHAR});
;;
-- a delivery exists when its file exists, even when it holds no rows
CREATE OR REPLACE TEMP TABLE deliveries AS
SELECT DISTINCT regexp_extract(file, 'periode=([0-9]{4}H[12])', 1) AS periode,
                regexp_extract(file, 'gemeente=(GM[0-9]{4})', 1) AS gemeente
FROM glob('${lake_glob}');
;;
CREATE OR REPLACE TEMP TABLE municipalities AS
SELECT gemeentecode AS gemeente, naam, jeugdregio_code
FROM read_csv('${municipalities}', header = true, all_varchar = true);
;;
CREATE OR REPLACE TEMP TABLE population AS
SELECT CAST(regexp_extract(filename, '([0-9]{4})\.csv$', 1) AS INTEGER) AS jaar,
       trim(gemeentecode) AS gemeente,
       CAST(inwoners_totaal AS BIGINT) AS totaal,
       CAST(inwoners_0_17 AS BIGINT) AS jeugd
FROM read_csv('${population_glob}', delim = ';', header = true, filename = true, union_by_name = true,
              all_varchar = true);
;;
-- half-years: first day f, last day l, last day of the next half-year, and whether anyone delivered for it
CREATE OR REPLACE TEMP TABLE periods AS
WITH p AS (
    SELECT DISTINCT periode,
           make_date(CAST(left(periode, 4) AS INTEGER), CASE WHEN right(periode, 1) = '1' THEN 1 ELSE 7 END, 1) AS f,
           CASE WHEN right(periode, 1) = '1' THEN left(periode, 4) || 'H2'
                ELSE CAST(CAST(left(periode, 4) AS INTEGER) + 1 AS VARCHAR) || 'H1' END AS next_periode
    FROM deliveries)
SELECT periode, f,
       CAST(f + INTERVAL 6 MONTH - INTERVAL 1 DAY AS DATE) AS l,
       CAST(f + INTERVAL 12 MONTH - INTERVAL 1 DAY AS DATE) AS next_l,
       next_periode IN (SELECT periode FROM deliveries) AS follow_up
FROM p;
;;
-- pseudonyms as integers (dictionary encoding): grouping on a 64-character string is the expensive part
CREATE OR REPLACE TEMP TABLE client_ids AS
SELECT client, CAST(row_number() OVER () AS INTEGER) AS client_id FROM (SELECT DISTINCT client FROM lake);
;;
-- the merge rule: per (gemeente, client, soort, hulpvorm, startdatum) the row of the latest periode; an iJw row
-- without hulpvorm has its product category in that place
CREATE OR REPLACE TEMP TABLE merged AS
SELECT *, row_number() OVER () AS traject_id
FROM (SELECT l.* EXCLUDE (periode, client), c.client_id AS client
      FROM lake l JOIN client_ids c USING (client)
      QUALIFY row_number() OVER (PARTITION BY l.gemeente, c.client_id, l.soort,
                                              coalesce(l.hulpvorm, 'categorie ' || l.productcategorie), l.startdatum
                                 ORDER BY l.periode DESC) = 1);
;;
-- the level units of every delivering gemeente in every periode; size class by the population of the
-- periode's year, else the nearest year (the earlier on a tie)
CREATE OR REPLACE TEMP TABLE size_year AS
SELECT p.periode, arg_min(y.jaar, abs(y.jaar - year(p.f)) * 2 + CASE WHEN y.jaar > year(p.f) THEN 1 ELSE 0 END) AS jaar
FROM periods p CROSS JOIN (SELECT DISTINCT jaar FROM population) y
GROUP BY p.periode;
;;
CREATE OR REPLACE TEMP TABLE units AS
SELECT periode, gemeente, 'gemeente' AS niveau, gemeente AS code FROM deliveries
UNION ALL
SELECT d.periode, d.gemeente, 'jeugdregio', m.jeugdregio_code
FROM deliveries d JOIN municipalities m USING (gemeente)
UNION ALL
SELECT d.periode, d.gemeente, 'grootteklasse',
       CASE WHEN pop.totaal < 20000 THEN '<20k' WHEN pop.totaal < 50000 THEN '20-50k'
            WHEN pop.totaal < 100000 THEN '50-100k' WHEN pop.totaal < 150000 THEN '100-150k'
            WHEN pop.totaal < 250000 THEN '150-250k' ELSE '>=250k' END
FROM deliveries d JOIN size_year s USING (periode) JOIN population pop ON pop.jaar = s.jaar AND pop.gemeente = d.gemeente
UNION ALL
SELECT periode, gemeente, 'nederland', 'NL' FROM deliveries;
;;
-- every merged trajectory of a delivering gemeente that is active in a periode, with its flags
CREATE OR REPLACE TEMP TABLE facts AS
SELECT p.periode, p.follow_up, p.next_l, m.*,
       m.soort = 'jeugdhulp' AS jh,
       m.startdatum BETWEEN p.f AND p.l AS started,
       coalesce(m.einddatum BETWEEN p.f AND p.l, false) AS ended,
       CASE WHEN m.soort = 'jeugdhulp' AND m.verblijf THEN 'jeugdhulp_met_verblijf'
            WHEN m.soort = 'jeugdhulp' AND NOT m.verblijf THEN 'jeugdhulp_zonder_verblijf'
            WHEN m.soort = 'jeugdhulp' THEN 'jeugdhulp_verblijf_onbekend'
            ELSE m.soort END AS categorie,
       year(p.f) - m.geboortejaar < 18 AS young,
       (CASE WHEN m.leeftijd_start <= 3 THEN 'a' WHEN m.leeftijd_start <= 11 THEN 'b'
             WHEN m.leeftijd_start <= 17 THEN 'c' ELSE 'd' END)
           || '-' || m.geslacht || '-' || coalesce(CAST(m.verblijf AS VARCHAR), 'onbekend') AS stratum
FROM merged m
JOIN deliveries d ON d.gemeente = m.gemeente
JOIN periods p ON p.periode = d.periode
WHERE m.startdatum <= p.l AND (m.einddatum IS NULL OR m.einddatum >= p.f);
;;
-- dubbel_geleverd: per periode the (gemeente, client) pairs whose jeugdhulp runs on a day of P on which jeugdhulp of
-- another delivering gemeente runs for the same client too (a move within P, one ending before the other starts, is not)
CREATE OR REPLACE TEMP TABLE doubled AS
SELECT DISTINCT a.periode, a.gemeente, a.client
FROM facts a
JOIN facts b ON b.periode = a.periode AND b.client = a.client AND b.gemeente <> a.gemeente
JOIN periods p ON p.periode = a.periode
WHERE a.jh AND b.jh
  AND greatest(a.startdatum, b.startdatum, p.f)
      <= least(coalesce(a.einddatum, p.l), coalesce(b.einddatum, p.l), p.l);
;;
CREATE OR REPLACE TEMP TABLE jh_starts AS
SELECT DISTINCT client, startdatum FROM merged WHERE soort = 'jeugdhulp';
;;
-- CBS variant, per ended JH trajectory: no JH start of the client after the end up to the last day of P + 1
CREATE OR REPLACE TEMP TABLE cbs AS
SELECT f.periode, f.gemeente, f.traject_id,
       count(s.startdatum) = 0 AS ok
FROM facts f
LEFT JOIN jh_starts s ON s.client = f.client AND s.startdatum > f.einddatum AND s.startdatum <= f.next_l
WHERE f.jh AND f.ended AND f.follow_up
GROUP BY ALL;
;;
-- geen_nieuwe_hulp_6m: per periode and client, the latest JH end e in the periode over all municipalities
CREATE OR REPLACE TEMP TABLE cohort AS
WITH last_end AS (
    SELECT p.periode, m.client, max(m.einddatum) AS e
    FROM merged m JOIN periods p ON m.einddatum BETWEEN p.f AND p.l
    WHERE m.soort = 'jeugdhulp' AND p.follow_up
    GROUP BY ALL),
ending AS (
    SELECT le.periode, le.client, le.e,
           bool_and(coalesce(m.reden_beeindiging = '01', false)) AS all_plan,
           min(m.gemeente) AS owner
    FROM last_end le JOIN merged m ON m.client = le.client AND m.soort = 'jeugdhulp' AND m.einddatum = le.e
    GROUP BY ALL),
active_next_day AS (
    SELECT DISTINCT le.periode, le.client
    FROM last_end le JOIN merged m ON m.client = le.client AND m.soort = 'jeugdhulp'
    WHERE m.startdatum <= le.e + 1 AND (m.einddatum IS NULL OR m.einddatum >= le.e + 1)),
new_care AS (
    SELECT DISTINCT le.periode, le.client
    FROM last_end le JOIN merged m ON m.client = le.client AND m.soort = 'jeugdhulp'
    WHERE m.startdatum > le.e AND m.startdatum <= le.e + 181)
SELECT en.periode, en.owner AS gemeente, en.client,
       nc.client IS NULL AS ok
FROM ending en
LEFT JOIN new_care nc ON nc.periode = en.periode AND nc.client = en.client
WHERE en.all_plan
  AND NOT EXISTS (SELECT 1 FROM active_next_day a WHERE a.periode = en.periode AND a.client = en.client)
  AND EXISTS (SELECT 1 FROM deliveries d WHERE d.periode = en.periode AND d.gemeente = en.owner);
;;
-- national volgens-plan rate per stratum (over all delivering municipalities) for the O/E ratio
CREATE OR REPLACE TEMP TABLE strata AS
SELECT periode, stratum, avg(CASE WHEN reden_beeindiging = '01' THEN 1.0 ELSE 0.0 END) AS rate
FROM facts WHERE jh AND ended
GROUP BY ALL;
;;
-- the rows delivered for P (not merged) for kosten_per_jeugdige
CREATE OR REPLACE TEMP TABLE delivered_costs AS
SELECT periode, gemeente, count(*) AS jh_rows, count(kosten) AS jh_rows_kosten,
       coalesce(sum(CAST(kosten AS DOUBLE)), 0) AS kosten
FROM lake WHERE soort = 'jeugdhulp'
GROUP BY ALL;
;;
-- additive counters per gemeente first; a unit sums its members (cheap), while distinct clients and
-- quantiles are computed from the unit's own rows (never from gemeente figures)
CREATE OR REPLACE TEMP TABLE gemeente_facts AS
SELECT f.periode, f.gemeente,
       count(*) FILTER (WHERE f.categorie = 'jeugdhulp_met_verblijf') AS actief_met_verblijf,
       count(*) FILTER (WHERE f.jh) AS actief_jh,
       count(*) FILTER (WHERE f.jh AND f.agb IS NOT NULL) AS actief_met_agb,
       count(*) FILTER (WHERE f.jh AND f.started) AS gestart_jh,
       count(*) FILTER (WHERE f.jh AND f.ended) AS beeindigd_jh,
       count(*) FILTER (WHERE f.jh AND f.ended AND f.reden_beeindiging = '01') AS volgens_plan,
       count(*) FILTER (WHERE f.jh AND f.ended AND f.reden_beeindiging IN ('02', '03', '04')) AS voortijdig,
       count(*) FILTER (WHERE f.jh AND f.ended AND f.zonder_hulp_verder IS NOT NULL) AS zhv_ingevuld,
       count(*) FILTER (WHERE f.jh AND f.ended AND f.zonder_hulp_verder IN ('03', '04')) AS zhv_ja,
       count(f.tevredenheid) FILTER (WHERE f.jh AND f.ended) AS tevredenheid_n,
       coalesce(sum(f.tevredenheid) FILTER (WHERE f.jh AND f.ended), 0) AS tevredenheid_som,
       coalesce(sum(s.rate) FILTER (WHERE f.jh AND f.ended), 0) AS verwacht
FROM facts f
LEFT JOIN strata s ON s.periode = f.periode AND s.stratum = f.stratum AND f.jh AND f.ended
GROUP BY ALL;
;;
CREATE OR REPLACE TEMP TABLE unit_sums AS
SELECT u.periode, u.niveau, u.code,
       coalesce(sum(g.actief_met_verblijf), 0) AS actief_met_verblijf,
       coalesce(sum(g.actief_jh), 0) AS actief_jh,
       coalesce(sum(g.actief_met_agb), 0) AS actief_met_agb,
       coalesce(sum(g.gestart_jh), 0) AS gestart_jh,
       coalesce(sum(g.beeindigd_jh), 0) AS beeindigd_jh,
       coalesce(sum(g.volgens_plan), 0) AS volgens_plan,
       coalesce(sum(g.voortijdig), 0) AS voortijdig,
       coalesce(sum(g.zhv_ingevuld), 0) AS zhv_ingevuld,
       coalesce(sum(g.zhv_ja), 0) AS zhv_ja,
       coalesce(sum(g.tevredenheid_n), 0) AS tevredenheid_n,
       coalesce(sum(g.tevredenheid_som), 0) AS tevredenheid_som,
       coalesce(sum(g.verwacht), 0) AS verwacht
FROM units u
LEFT JOIN gemeente_facts g USING (periode, gemeente)
GROUP BY ALL;
;;
-- distinct clients in two grouping steps (one big COUNT(DISTINCT) group per level runs on one thread)
CREATE OR REPLACE TEMP TABLE unit_clients AS
WITH per_client AS (
    SELECT u.periode, u.niveau, u.code, c.client, bool_or(c.young) AS young
    FROM units u
    JOIN (SELECT DISTINCT periode, gemeente, client, young FROM facts WHERE jh) c USING (periode, gemeente)
    GROUP BY ALL)
SELECT uu.periode, uu.niveau, uu.code,
       count(pc.client) AS jeugdigen,
       count(pc.client) FILTER (WHERE pc.young) AS jeugdigen_jong
FROM (SELECT DISTINCT periode, niveau, code FROM units) uu
LEFT JOIN per_client pc USING (periode, niveau, code)
GROUP BY ALL;
;;
CREATE OR REPLACE TEMP TABLE unit_durations AS
SELECT u.periode, u.niveau, u.code,
       count(d.duur) AS duur_n,
       quantile_cont(d.duur, 0.5) AS duur_mediaan
FROM units u
LEFT JOIN (SELECT periode, gemeente, einddatum - startdatum AS duur FROM facts WHERE jh AND ended) d USING (periode, gemeente)
GROUP BY ALL;
;;
CREATE OR REPLACE TEMP TABLE unit_waits AS
SELECT u.periode, u.niveau, u.code,
       count(w.wacht) AS wacht_n,
       quantile_cont(w.wacht, 0.5) AS wacht_mediaan,
       quantile_cont(w.wacht, 0.9) AS wacht_p90
FROM units u
LEFT JOIN (SELECT periode, gemeente, startdatum - aanmelddatum AS wacht FROM facts
           WHERE jh AND started AND aanmelddatum IS NOT NULL) w USING (periode, gemeente)
GROUP BY ALL;
;;
CREATE OR REPLACE TEMP TABLE unit_facts AS
SELECT * FROM unit_sums
JOIN unit_clients USING (periode, niveau, code)
JOIN unit_durations USING (periode, niveau, code)
JOIN unit_waits USING (periode, niveau, code);
;;
CREATE OR REPLACE TEMP TABLE gemeente_counts AS
SELECT periode, gemeente, categorie,
       count(*) AS actief, count(*) FILTER (WHERE started) AS gestart, count(*) FILTER (WHERE ended) AS beeindigd
FROM facts
GROUP BY ALL;
;;
CREATE OR REPLACE TEMP TABLE unit_counts AS
SELECT u.periode, u.niveau, u.code, c.categorie, k.kind,
       coalesce(sum(CASE k.kind WHEN 'actief' THEN g.actief WHEN 'gestart' THEN g.gestart ELSE g.beeindigd END), 0) AS n
FROM units u
CROSS JOIN (VALUES ('jeugdhulp_zonder_verblijf'), ('jeugdhulp_met_verblijf'), ('jeugdhulp_verblijf_onbekend'),
                   ('jeugdbescherming'), ('jeugdreclassering')) c(categorie)
CROSS JOIN (VALUES ('actief'), ('gestart'), ('beeindigd')) k(kind)
LEFT JOIN gemeente_counts g ON g.periode = u.periode AND g.gemeente = u.gemeente AND g.categorie = c.categorie
GROUP BY ALL;
;;
CREATE OR REPLACE TEMP TABLE unit_verwijzers AS
SELECT u.periode, u.niveau, u.code, v.verwijzer,
       coalesce(sum(g.n), 0) AS n
FROM units u
CROSS JOIN (VALUES ('01'), ('02'), ('03'), ('04'), ('05'), ('06'), ('08')) v(verwijzer)
LEFT JOIN (SELECT periode, gemeente, verwijzer, count(*) AS n FROM facts WHERE jh AND started GROUP BY ALL) g
     ON g.periode = u.periode AND g.gemeente = u.gemeente AND g.verwijzer = v.verwijzer
GROUP BY ALL;
;;
CREATE OR REPLACE TEMP TABLE unit_follow_up AS
WITH c AS (
    SELECT u.periode, u.niveau, u.code, count(*) AS n, count(*) FILTER (WHERE c.ok) AS ok
    FROM cohort c JOIN units u USING (periode, gemeente) GROUP BY ALL),
b AS (
    SELECT u.periode, u.niveau, u.code, count(*) FILTER (WHERE b.ok) AS ok
    FROM cbs b JOIN units u USING (periode, gemeente) GROUP BY ALL)
SELECT uu.periode, uu.niveau, uu.code,
       coalesce(c.n, 0) AS cohort_n, coalesce(c.ok, 0) AS cohort_ok, coalesce(b.ok, 0) AS cbs_ok
FROM (SELECT DISTINCT periode, niveau, code FROM units) uu
LEFT JOIN c USING (periode, niveau, code)
LEFT JOIN b USING (periode, niveau, code);
;;
CREATE OR REPLACE TEMP TABLE unit_inputs AS
SELECT u.periode, u.niveau, u.code,
       sum(dc.jh_rows) AS jh_rows, sum(dc.jh_rows_kosten) AS jh_rows_kosten, coalesce(sum(dc.kosten), 0) AS kosten,
       sum(pop.jeugd) AS jeugd, count(pop.jeugd) = count(*) AS jeugd_volledig
FROM units u
JOIN periods p USING (periode)
LEFT JOIN delivered_costs dc ON dc.periode = u.periode AND dc.gemeente = u.gemeente
LEFT JOIN population pop ON pop.jaar = year(p.f) AND pop.gemeente = u.gemeente
GROUP BY ALL;
;;
-- who waits at L (indicators v1.2): a waiting file counts only when its footer names the same delivery
-- (bron_sleutel, bron_versie, bron_tijd) as the lake file of its partition
CREATE OR REPLACE TEMP TABLE waiting_known AS
WITH lf AS (
    SELECT regexp_extract(file_name, 'periode=([0-9]{4}H[12])', 1) AS periode,
           regexp_extract(file_name, 'gemeente=(GM[0-9]{4})', 1) AS gemeente,
           decode(key) AS k, decode(value) AS v
    FROM ${lake_footers}),
wf AS (
    SELECT regexp_extract(file_name, 'periode=([0-9]{4}H[12])', 1) AS periode,
           regexp_extract(file_name, 'gemeente=(GM[0-9]{4})', 1) AS gemeente,
           decode(key) AS k, decode(value) AS v
    FROM ${waiting_footers})
SELECT wf.periode, wf.gemeente
FROM wf JOIN lf ON lf.periode = wf.periode AND lf.gemeente = wf.gemeente AND lf.k = wf.k
WHERE wf.k IN ('jeugdspiegel.bron_sleutel', 'jeugdspiegel.bron_versie', 'jeugdspiegel.bron_tijd') AND lf.v = wf.v
GROUP BY ALL
HAVING count(*) = 3;
;;
CREATE OR REPLACE TEMP TABLE unit_waiting AS
WITH w AS (
    SELECT r.periode, r.gemeente, r.client, (p.l - r.wachtend_sinds) > 63 AS langer
    FROM ${waiting_rows} r
    JOIN waiting_known k USING (periode, gemeente)
    JOIN periods p USING (periode)),
per_client AS (
    SELECT u.periode, u.niveau, u.code, w.client, bool_or(w.langer) AS langer
    FROM units u JOIN w USING (periode, gemeente)
    GROUP BY ALL)
SELECT uu.periode, uu.niveau, uu.code, uu.known,
       count(pc.client) AS wachtend, count(pc.client) FILTER (WHERE pc.langer) AS wachtend_langer
FROM (SELECT u.periode, u.niveau, u.code, bool_and(k.gemeente IS NOT NULL) AS known
      FROM units u LEFT JOIN waiting_known k USING (periode, gemeente) GROUP BY ALL) uu
LEFT JOIN per_client pc USING (periode, niveau, code)
GROUP BY ALL;
;;
-- the long table, with the teller / noemer conventions and statuses of the definitions
CREATE OR REPLACE TEMP TABLE indicator_values AS
WITH w AS (
    SELECT * FROM unit_facts
    JOIN unit_follow_up USING (periode, niveau, code)
    JOIN unit_inputs USING (periode, niveau, code)
    JOIN periods USING (periode))
SELECT periode, niveau, code, 'jeugdigen_jh' AS indicator, CAST(jeugdigen AS DOUBLE) AS teller, NULL::DOUBLE AS noemer,
       CAST(jeugdigen AS DOUBLE) AS waarde, 'ok' AS status FROM w
UNION ALL
SELECT periode, niveau, code, 'jeugdigen_jh_per_1000',
       CASE WHEN jeugd_volledig AND jeugd > 0 THEN jeugdigen_jong END,
       CASE WHEN jeugd_volledig AND jeugd > 0 THEN jeugd END,
       CASE WHEN jeugd_volledig AND jeugd > 0 THEN 1000.0 * jeugdigen_jong / jeugd END,
       CASE WHEN jeugd_volledig AND jeugd > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'trajecten_' || kind || '.' || categorie, n, NULL, n, 'ok' FROM unit_counts
UNION ALL
SELECT periode, niveau, code, 'wachtend_einde_periode', CASE WHEN known THEN wachtend END, NULL,
       CASE WHEN known THEN wachtend END, CASE WHEN known THEN 'ok' ELSE 'niet_beschikbaar' END FROM unit_waiting
UNION ALL
SELECT periode, niveau, code, 'wachtend_langer_dan_9_weken', CASE WHEN known THEN wachtend_langer END, NULL,
       CASE WHEN known THEN wachtend_langer END, CASE WHEN known THEN 'ok' ELSE 'niet_beschikbaar' END FROM unit_waiting
UNION ALL
SELECT periode, niveau, code, 'aandeel_met_verblijf', actief_met_verblijf, actief_jh,
       actief_met_verblijf / nullif(actief_jh, 0), CASE WHEN actief_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'aandeel_met_aanbieder', actief_met_agb, actief_jh,
       actief_met_agb / nullif(actief_jh, 0), CASE WHEN actief_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'duur_mediaan_dagen', NULL, duur_n, duur_mediaan,
       CASE WHEN duur_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'wachttijd_mediaan_dagen', NULL, wacht_n, wacht_mediaan,
       CASE WHEN wacht_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'wachttijd_p90_dagen', NULL, wacht_n, wacht_p90,
       CASE WHEN wacht_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT v.periode, v.niveau, v.code, 'verwijzer.' || v.verwijzer, v.n, w.gestart_jh, v.n / nullif(w.gestart_jh, 0),
       CASE WHEN w.gestart_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END
FROM unit_verwijzers v JOIN w USING (periode, niveau, code)
UNION ALL
SELECT periode, niveau, code, 'kosten_per_jeugdige', kosten, jeugdigen,
       CASE WHEN jh_rows > 0 AND jh_rows_kosten >= 0.9 * jh_rows AND jeugdigen > 0 THEN kosten / jeugdigen END,
       CASE WHEN jh_rows > 0 AND jh_rows_kosten >= 0.9 * jh_rows AND jeugdigen > 0 THEN 'ok' ELSE 'niet_beschikbaar' END
FROM w
UNION ALL
SELECT periode, niveau, code, 'beeindigd_volgens_plan', volgens_plan, beeindigd_jh, volgens_plan / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'voortijdig_beeindigd', voortijdig, beeindigd_jh, voortijdig / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'zonder_hulp_verder', zhv_ja, zhv_ingevuld, zhv_ja / nullif(zhv_ingevuld, 0),
       CASE WHEN zhv_ingevuld > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'zonder_hulp_verder_respons', zhv_ingevuld, beeindigd_jh, zhv_ingevuld / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'tevredenheid_gemiddeld', tevredenheid_som, tevredenheid_n,
       tevredenheid_som / nullif(tevredenheid_n, 0), CASE WHEN tevredenheid_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'tevredenheid_respons', tevredenheid_n, beeindigd_jh, tevredenheid_n / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'geen_nieuwe_hulp_6m',
       CASE WHEN follow_up THEN cohort_ok END, CASE WHEN follow_up THEN cohort_n END,
       CASE WHEN follow_up THEN cohort_ok / nullif(cohort_n, 0) END,
       CASE WHEN NOT follow_up THEN 'nog_niet_beschikbaar' WHEN cohort_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'geen_nieuwe_start_cbs',
       CASE WHEN follow_up THEN cbs_ok END, CASE WHEN follow_up THEN beeindigd_jh END,
       CASE WHEN follow_up THEN cbs_ok / nullif(beeindigd_jh, 0) END,
       CASE WHEN NOT follow_up THEN 'nog_niet_beschikbaar' WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w
UNION ALL
SELECT periode, niveau, code, 'oe_volgens_plan', volgens_plan, verwacht, volgens_plan / nullif(verwacht, 0),
       CASE WHEN verwacht > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM w;
;;
-- providers (indicators v1.2, unit rule v1.3): the JH trajectories with an AGB code of the delivering municipalities,
-- per provider nationally (code = the AGB) and per provider within a jeugdregio (code = jeugdregio-AGB); a unit exists
-- when it has a JH trajectory active in P (facts holds only active trajectories). An AGB with fewer than 10 distinct
-- youths in P (nationally, or in that region) is pooled: code 'overig', or jeugdregio-'overig'
CREATE OR REPLACE TEMP TABLE provider_facts AS
WITH raw AS (
    SELECT f.*, 'aanbieder' AS niveau, f.agb AS code, 'overig' AS pooled_code
    FROM facts f WHERE f.jh AND f.agb IS NOT NULL
    UNION ALL
    SELECT f.*, 'aanbieder_jeugdregio', m.jeugdregio_code || '-' || f.agb, m.jeugdregio_code || '-overig'
    FROM facts f JOIN municipalities m USING (gemeente) WHERE f.jh AND f.agb IS NOT NULL),
youths AS (SELECT periode, niveau, code, count(DISTINCT client) AS n FROM raw GROUP BY ALL)
SELECT r.* EXCLUDE (code, pooled_code), CASE WHEN y.n >= 10 THEN r.code ELSE r.pooled_code END AS code
FROM raw r JOIN youths y USING (periode, niveau, code);
;;
CREATE OR REPLACE TEMP TABLE provider_units AS
SELECT f.periode, f.niveau, f.code, f.follow_up,
       count(DISTINCT f.client) AS jeugdigen,
       count(*) FILTER (WHERE f.categorie = 'jeugdhulp_zonder_verblijf') AS a0,
       count(*) FILTER (WHERE f.categorie = 'jeugdhulp_met_verblijf') AS a1,
       count(*) FILTER (WHERE f.categorie = 'jeugdhulp_verblijf_onbekend') AS a2,
       count(*) FILTER (WHERE f.started AND f.categorie = 'jeugdhulp_zonder_verblijf') AS s0,
       count(*) FILTER (WHERE f.started AND f.categorie = 'jeugdhulp_met_verblijf') AS s1,
       count(*) FILTER (WHERE f.started AND f.categorie = 'jeugdhulp_verblijf_onbekend') AS s2,
       count(*) FILTER (WHERE f.ended AND f.categorie = 'jeugdhulp_zonder_verblijf') AS e0,
       count(*) FILTER (WHERE f.ended AND f.categorie = 'jeugdhulp_met_verblijf') AS e1,
       count(*) FILTER (WHERE f.ended AND f.categorie = 'jeugdhulp_verblijf_onbekend') AS e2,
       count(*) FILTER (WHERE f.ended) AS beeindigd_jh,
       count(*) FILTER (WHERE f.ended AND f.reden_beeindiging = '01') AS volgens_plan,
       count(*) FILTER (WHERE f.ended AND f.reden_beeindiging IN ('02', '03', '04')) AS voortijdig,
       count(*) FILTER (WHERE f.ended AND f.zonder_hulp_verder IS NOT NULL) AS zhv_ingevuld,
       count(*) FILTER (WHERE f.ended AND f.zonder_hulp_verder IN ('03', '04')) AS zhv_ja,
       count(f.tevredenheid) FILTER (WHERE f.ended) AS tevredenheid_n,
       coalesce(sum(f.tevredenheid) FILTER (WHERE f.ended), 0) AS tevredenheid_som,
       coalesce(sum(s.rate) FILTER (WHERE f.ended), 0) AS verwacht,
       count(*) FILTER (WHERE f.ended) AS duur_n,
       quantile_cont(f.einddatum - f.startdatum, 0.5) FILTER (WHERE f.ended) AS duur_mediaan,
       count(*) FILTER (WHERE f.started AND f.aanmelddatum IS NOT NULL) AS wacht_n,
       quantile_cont(f.startdatum - f.aanmelddatum, 0.5) FILTER (WHERE f.started AND f.aanmelddatum IS NOT NULL)
           AS wacht_mediaan,
       count(*) FILTER (WHERE b.ok) AS cbs_ok
FROM provider_facts f
LEFT JOIN strata s ON s.periode = f.periode AND s.stratum = f.stratum AND f.ended
LEFT JOIN cbs b ON b.periode = f.periode AND b.traject_id = f.traject_id
GROUP BY ALL;
;;
INSERT INTO indicator_values
SELECT periode, niveau, code, 'jeugdigen_jh', jeugdigen, NULL, jeugdigen, 'ok' FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'trajecten_' || k.kind || '.' || c.categorie,
       CASE k.kind || c.i WHEN 'actief0' THEN a0 WHEN 'actief1' THEN a1 WHEN 'actief2' THEN a2
                          WHEN 'gestart0' THEN s0 WHEN 'gestart1' THEN s1 WHEN 'gestart2' THEN s2
                          WHEN 'beeindigd0' THEN e0 WHEN 'beeindigd1' THEN e1 ELSE e2 END AS n,
       NULL, n, 'ok'
FROM provider_units
CROSS JOIN (VALUES ('jeugdhulp_zonder_verblijf', '0'), ('jeugdhulp_met_verblijf', '1'),
                   ('jeugdhulp_verblijf_onbekend', '2')) c(categorie, i)
CROSS JOIN (VALUES ('actief'), ('gestart'), ('beeindigd')) k(kind)
UNION ALL
SELECT periode, niveau, code, 'duur_mediaan_dagen', NULL, duur_n, duur_mediaan,
       CASE WHEN duur_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'wachttijd_mediaan_dagen', NULL, wacht_n, wacht_mediaan,
       CASE WHEN wacht_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'beeindigd_volgens_plan', volgens_plan, beeindigd_jh, volgens_plan / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'voortijdig_beeindigd', voortijdig, beeindigd_jh, voortijdig / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'zonder_hulp_verder', zhv_ja, zhv_ingevuld, zhv_ja / nullif(zhv_ingevuld, 0),
       CASE WHEN zhv_ingevuld > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'zonder_hulp_verder_respons', zhv_ingevuld, beeindigd_jh, zhv_ingevuld / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'tevredenheid_gemiddeld', tevredenheid_som, tevredenheid_n,
       tevredenheid_som / nullif(tevredenheid_n, 0), CASE WHEN tevredenheid_n > 0 THEN 'ok' ELSE 'niet_beschikbaar' END
FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'tevredenheid_respons', tevredenheid_n, beeindigd_jh, tevredenheid_n / nullif(beeindigd_jh, 0),
       CASE WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'geen_nieuwe_start_cbs',
       CASE WHEN follow_up THEN cbs_ok END, CASE WHEN follow_up THEN beeindigd_jh END,
       CASE WHEN follow_up THEN cbs_ok / nullif(beeindigd_jh, 0) END,
       CASE WHEN NOT follow_up THEN 'nog_niet_beschikbaar' WHEN beeindigd_jh > 0 THEN 'ok' ELSE 'niet_beschikbaar' END
FROM provider_units
UNION ALL
SELECT periode, niveau, code, 'oe_volgens_plan', volgens_plan, verwacht, volgens_plan / nullif(verwacht, 0),
       CASE WHEN verwacht > 0 THEN 'ok' ELSE 'niet_beschikbaar' END FROM provider_units;
;;
INSERT INTO indicator_values
SELECT u.periode, u.niveau, u.code, 'dubbel_geleverd', CAST(count(DISTINCT d.client) AS DOUBLE), NULL,
       CAST(count(DISTINCT d.client) AS DOUBLE), 'ok'
FROM units u
LEFT JOIN doubled d ON d.periode = u.periode AND d.gemeente = u.gemeente
GROUP BY u.periode, u.niveau, u.code;
