// The eleven standards of eleven.rules as one SQL query in DuckDB, over a
// units table from `gen units N`; prints coplan's summary line, so that
// `coplan check eleven.rules FILE` and this can be compared for the
// answer and timed as whole processes (tests/bench/run.sh).  DuckDB uses
// every core.  Usage: node check.mjs FILE
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const q = (s) => s.replace(/'/g, "''");
// a count outside a must rule's interval is an error, outside a should
// rule's a warning (an empty interval, a conflict, is outside for every
// count); no unit here has two rules on one role
const sql = `
WITH u AS (
  SELECT *, responsabile_hub + responsabile_spoke + ref_prog + ref_prodotto + ref_secondo_livello
          + capo_settore + spec_prog + tutor + tutor_formazione + specialista + specialista_bo
          + operatore + operatore_bo + caposquadra + addetto_bo AS headcount
  FROM read_csv('${q(file)}', header = true)
), r AS (
  SELECT true AS must, responsabile_hub AS a, 1.0 AS lo, 1.0 AS hi FROM u WHERE function = 'assistenza' AND kind = 'hub'
  UNION ALL SELECT true, responsabile_spoke, 1, 1 FROM u WHERE function = 'assistenza' AND kind = 'spoke'
  UNION ALL SELECT false, tutor, ceil((operatore + specialista) / 18), floor((operatore + specialista) / 12)
    FROM u WHERE function = 'assistenza'
  UNION ALL SELECT true, tutor_formazione, 1, 'Infinity'::DOUBLE FROM u WHERE function = 'assistenza' AND kind = 'hub'
  UNION ALL SELECT true, spec_prog, CASE WHEN headcount > 200 THEN 2 ELSE 1 END, CASE WHEN headcount > 200 THEN 2 ELSE 1 END
    FROM u WHERE function = 'assistenza' AND kind = 'hub'
  UNION ALL SELECT true, spec_prog, CASE WHEN headcount > 100 THEN 1 ELSE 0 END, CASE WHEN headcount > 100 THEN 1 ELSE 0 END
    FROM u WHERE function = 'assistenza' AND kind = 'spoke'
  UNION ALL SELECT false, caposquadra, ceil(addetto_bo / 15), ceil(addetto_bo / 15) FROM u WHERE function = 'data_entry'
  UNION ALL SELECT false, tutor, 1, 'Infinity'::DOUBLE FROM u WHERE function = 'data_entry' AND addetto_bo >= 10
  UNION ALL SELECT false, tutor, ceil(operatore_bo / 25), ceil(operatore_bo / 25) FROM u WHERE function = 'gestione_documentale'
  UNION ALL SELECT true, spec_prog, 1, 2 FROM u WHERE function = 'gestione_documentale' AND kind = 'spoke'
  UNION ALL SELECT false, capo_settore, ceil((specialista_bo + operatore_bo + addetto_bo) / 25),
    ceil((specialista_bo + operatore_bo + addetto_bo) / 25) FROM u WHERE function = 'back_office'
)
SELECT (SELECT count(*) FROM u) AS units,
       count(*) FILTER (WHERE must AND (a < lo OR a > hi)) AS errors,
       count(*) FILTER (WHERE NOT must AND (a < lo OR a > hi)) AS warnings
FROM r`;
const rows = (await con.runAndReadAll(sql)).getRows();
const [units, errors, warnings] = rows[0].map(Number);
console.log(`${units} units, 11 rules: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
